import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_ENTRIES = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "postcss.config.mjs", "proxy.ts", "instrumentation.ts"];
const IGNORED = new Set(["generated", "node_modules"]);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (IGNORED.has(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when there is no production build, or a source file changed after it was made. */
export function needsBuild(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCE_ENTRIES.some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}
