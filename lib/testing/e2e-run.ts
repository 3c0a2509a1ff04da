// What one Playwright run shares between its web server (lib/testing/e2e-server.ts), its specs and its log audit:
// a folder per E2E_PORT under the temporary directory, holding the servers' logs, the run's facts and the secrets the
// browsers saw (session cookies), which the logs must never contain (e2e/logs.audit.ts, ADR 0025).
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type E2eRun = {
  databaseUrl: string;
  /** Every line the instances and the worker wrote, stdout and stderr. */
  logFile: string;
  /** The production-mode instance (standalone build, PORTAL_MODE=production). */
  productionUrl: string;
  metricsToken: string;
  /** The OpenTelemetry collector stand-in the production instance exports its traces to. */
  collectorUrl: string;
  /** Secrets of the run's configuration, which no log line may contain either. */
  configuredSecrets: string[];
};

export function e2ePort(): string {
  return process.env.E2E_PORT ?? "3100";
}

/** The production instance's port: E2E_PRODUCTION_PORT, else the one after the two others. */
export function e2eProductionPort(port = e2ePort()): string {
  return process.env.E2E_PRODUCTION_PORT ?? String(Number(port) + 2);
}

export function e2eRunDir(port = e2ePort()): string {
  return path.join(os.tmpdir(), `ror-e2e-run-${port}`);
}

export function startE2eRun(run: E2eRun, port = e2ePort()): void {
  const dir = e2eRunDir(port);
  rmSync(path.join(dir, "secrets.txt"), { force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "run.json"), JSON.stringify(run, null, 2), { mode: 0o600 });
}

export function readE2eRun(port = e2ePort()): E2eRun {
  const file = path.join(e2eRunDir(port), "run.json");
  if (!existsSync(file)) throw new Error(`${file} absent : le serveur des tests (lib/testing/e2e-server.ts) n'a pas démarré.`);
  return JSON.parse(readFileSync(file, "utf8")) as E2eRun;
}

/** Called by the specs' fixture with the session cookies each test's browsers held. */
export function recordSeenSecrets(values: readonly string[], port = e2ePort()): void {
  if (values.length === 0) return;
  mkdirSync(e2eRunDir(port), { recursive: true });
  appendFileSync(path.join(e2eRunDir(port), "secrets.txt"), values.map((v) => `${v}\n`).join(""), { mode: 0o600 });
}

export function seenSecrets(port = e2ePort()): string[] {
  const file = path.join(e2eRunDir(port), "secrets.txt");
  return existsSync(file) ? [...new Set(readFileSync(file, "utf8").split("\n").filter((l) => l !== ""))] : [];
}
