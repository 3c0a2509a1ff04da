import { spawn } from "node:child_process";
import path from "node:path";
import { PRODUCTION_SETTINGS, productionSettingsWithout, REFUSED_IN_PRODUCTION, REQUIRED_IN_PRODUCTION } from "../lib/testing/production-settings";
import { expect, test } from "./support/test";

// `npm run start:production` refuses to start, one clear line per problem and a non-zero exit, when a setting
// production requires is missing or one it forbids is set (ADR 0023). The very command a deployment runs: the
// bundled server of the standalone build, on plain Node, with nothing but the settings given.

const server = path.join(process.cwd(), ".next", "standalone", "portal.mjs");

function start(settings: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [server], { env: { PATH: process.env.PATH ?? "", ...settings } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const problemLines = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("  - "));

test.describe.configure({ mode: "parallel" });

for (const { unset, line } of REQUIRED_IN_PRODUCTION) {
  test(`the production start refuses to run without ${unset.join(", ")}`, async () => {
    const { code, stderr } = await start(productionSettingsWithout(unset));
    expect(code).toBe(1);
    expect(problemLines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(line);
  });
}

for (const { set, line } of REFUSED_IN_PRODUCTION) {
  test(`the production start refuses ${Object.entries(set).map(([k, v]) => `${k}=${v}`).join(" ")}`, async () => {
    const { code, stderr } = await start({ ...PRODUCTION_SETTINGS, ...set });
    expect(code).toBe(1);
    expect(problemLines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(line);
  });
}

test("the production start refuses to run outside production mode, naming everything else missing at once", async () => {
  const { code, stderr } = await start({});
  expect(code).toBe(1);
  expect(stderr).toMatch(/^ {2}- PORTAL_MODE: doit valoir production/m);
  expect(problemLines(stderr)).toHaveLength(1 + REQUIRED_IN_PRODUCTION.length);
});
