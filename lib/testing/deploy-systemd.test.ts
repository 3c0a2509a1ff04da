// The systemd units of deploy/ (ADR 0055) start what the repository builds, with the settings production requires,
// and systemd itself finds nothing wrong with them (when systemd-analyze is on the machine).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../runtime/database-tools";

const RELEASE = "/opt/ror-portal/current";
const unitsDir = path.join(projectRoot, "deploy", "systemd");
const read = (name: string) => readFileSync(path.join(unitsDir, name), "utf8");
const portal = read("ror-portal@.service");
const worker = read("ror-worker.service");

function setting(unit: string, key: string): string[] {
  return unit
    .split("\n")
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1));
}

/** A path of the release, as it lies in this repository. */
function inRepository(releasePath: string): string {
  expect(releasePath.startsWith(`${RELEASE}/`)).toBe(true);
  return path.join(projectRoot, releasePath.slice(RELEASE.length + 1));
}

const systemdAnalyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].find((candidate) => existsSync(candidate));

describe("deploy/systemd", () => {
  it("runs the standalone server on the release's Node 24, one instance per port, its worker apart", () => {
    const [command, script] = setting(portal, "ExecStart")[0]!.split(" ");
    expect(existsSync(inRepository(command!))).toBe(true);
    expect(script).toBe("portal.mjs");
    expect(setting(portal, "WorkingDirectory")).toEqual([`${RELEASE}/.next/standalone`]);
    // portal.mjs is what `npm run build` writes into .next/standalone.
    expect(readFileSync(path.join(projectRoot, "scripts", "build-standalone.ts"), "utf8")).toContain('path.join(standalone, "portal.mjs")');
    expect(setting(portal, "Environment")).toEqual(expect.arrayContaining(["PORT=%i", "PORTAL_WORKER=off"]));
    expect(setting(portal, "KillSignal")).toEqual(["SIGTERM"]);
  });

  it("counts an instance as started only once it is ready", () => {
    const [probe] = setting(portal, "ExecStartPost");
    expect(probe).toContain("http://127.0.0.1:%i/api/health/ready");
    expect(probe).toMatch(/exit 1'$/);
  });

  it("runs the worker from the full install", () => {
    const parts = setting(worker, "ExecStart")[0]!.split(" ");
    expect(existsSync(inRepository(parts[0]!))).toBe(true);
    expect(parts.slice(1)).toEqual(["--import", "tsx", "scripts/worker.ts"]);
    expect(existsSync(path.join(projectRoot, "scripts", "worker.ts"))).toBe(true);
    expect(setting(worker, "WorkingDirectory")).toEqual([RELEASE]);
  });

  it("reads the settings production requires from one file, whose example names each of them", () => {
    expect(setting(portal, "EnvironmentFile")).toEqual(["/etc/ror-portal/portal.env"]);
    expect(setting(worker, "EnvironmentFile")).toEqual(["/etc/ror-portal/portal.env"]);
    const example = read("portal.env.example");
    for (const name of ["PORTAL_MODE", "DATABASE_URL", "AUTH_SECRET", "MFA_ENCRYPTION_KEY", "AUTH_URL", "SMTP_URL", "MAIL_FROM", "METRICS_TOKEN", "SEAL_P12_PATH", "SEAL_P12_PASSPHRASE"]) {
      expect(example).toMatch(new RegExp(`^${name}=`, "m"));
    }
    expect(example).toMatch(/^TRUSTED_PROXY_COUNT=1$/m);
  });

  it.skipIf(!systemdAnalyze)("passes systemd-analyze verify", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ror-units-"));
    try {
      const envFile = path.join(dir, "portal.env");
      writeFileSync(envFile, "PORTAL_MODE=production\n");
      // The release's paths, pointed at this machine's Node and a settings file that exists.
      const local = (unit: string) => unit.replaceAll(`${RELEASE}/node_modules/node/bin/node`, process.execPath).replaceAll("/etc/ror-portal/portal.env", envFile);
      writeFileSync(path.join(dir, "ror-portal@3001.service"), local(portal));
      writeFileSync(path.join(dir, "ror-worker.service"), local(worker));
      writeFileSync(path.join(dir, "ror-portal.target"), read("ror-portal.target"));
      const names = ["ror-portal@3001.service", "ror-worker.service", "ror-portal.target"].map((name) => path.join(dir, name));
      const result = spawnSync(systemdAnalyze!, ["verify", ...names], { encoding: "utf8" });
      expect(`${result.stdout}${result.stderr}`.trim()).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
