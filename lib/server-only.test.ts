import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every use case file is server-only (ADR 0023): Next's bundler then refuses it in client code. To add the import to
// files that lack it: for f in $(git ls-files '*.server.ts'); do grep -q '^import "server-only";' "$f" || sed -i '1i import "server-only";' "$f"; done

const root = path.resolve(import.meta.dirname, "..");
const IGNORED = new Set(["node_modules", ".next", ".data", "generated", ".git"]);

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (IGNORED.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith(".server.ts") ? [path.relative(root, full)] : [];
  });
}

describe("*.server.ts", () => {
  it("every one imports server-only", () => {
    const files = ["lib", "app", "prisma"].flatMap((dir) => serverFiles(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => !/^import "server-only";$/m.test(readFileSync(path.join(root, file), "utf8")))).toEqual([]);
  });
});
