// Time from `npm start` to the first page served, on a fresh clone (after npm ci) and on a second start.
// Usage: npm run bench:startup
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../lib/runtime/database-tools";

const port = 3300;
const clone = mkdtempSync(path.join(os.tmpdir(), "ror-bench-clone-"));

function prepareFreshClone() {
  execFileSync("git", ["clone", "--quiet", "--local", projectRoot, clone]);
  // Hard links: a byte-identical node_modules, as `npm ci` would leave it, in a second.
  execFileSync("cp", ["-al", path.join(projectRoot, "node_modules"), path.join(clone, "node_modules")]);
  execFileSync("npm", ["run", "--silent", "postinstall"], { cwd: clone, stdio: "ignore" });
}

async function timeStart(label: string): Promise<number> {
  const started = performance.now();
  const child = spawn("npm", ["start"], {
    cwd: clone,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: "", PORT: String(port), EMBEDDED_DATABASE_PORT: "54399" },
  });
  for (;;) {
    try {
      const response = await fetch(`http://localhost:${port}/`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(1)} s`);
  process.kill(-child.pid!, "SIGINT");
  await new Promise((resolve) => child.once("exit", resolve));
  // Next may outlive npm by a moment: wait until nothing answers, so the next start is measured from scratch.
  for (;;) {
    try {
      await fetch(`http://localhost:${port}/api/health`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } catch {
      break;
    }
  }
  return seconds;
}

try {
  prepareFreshClone();
  await timeStart("Premier démarrage (clone neuf après npm ci : initdb, migrations, données de démo, next build)");
  await timeStart("Second démarrage (base et build existants)");
} finally {
  rmSync(clone, { recursive: true, force: true });
}
