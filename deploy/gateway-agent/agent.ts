#!/usr/bin/env node
// The ROR gateway's sync agent (issue 25, ADR 0058). Polls the portal for the nginx configuration of one environment
// (If-None-Match, every 2 s by default), installs a new revision atomically, checks it with `nginx -t`, reloads
// nginx, rolls back to the last good revision when the test or the reload fails, and reports what it did.
//
// Depends on nothing but Node 24 (type stripping runs this file as is): copy deploy/ to the gateway and run
//   node deploy/gateway-agent/agent.ts --environment TEST --portal https://portail.example.fr \
//     --token-file /etc/ror-gateway/token --nginx-dir /etc/nginx/ror [--interval 2]
// Only erasable TypeScript syntax here (no enums, no parameter properties).
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

type Bundle = { version: number; environment: string; revision: string; generatedAt: string; files: Record<string, string> };
type Outcome = { ok: boolean; message: string };
type Report = { environment: string; revision: string; result: "applied" | "failed"; appliedAt: string; message: string };
type State = { revision: string | null; etag: string | null };

export type AgentOptions = {
  environment: "TEST" | "PRODUCTION";
  portal: string;
  token: string;
  nginxDir: string;
  intervalMs: number;
  nginx: string;
  nginxArgs: string[];
  once: boolean;
  keep: number;
};

const USAGE = `Utilisation : agent.ts --environment TEST|PRODUCTION --portal URL --token-file FICHIER --nginx-dir DOSSIER
  [--interval 2] [--nginx /usr/sbin/nginx] [--nginx-conf /etc/nginx/nginx.conf] [--nginx-prefix DOSSIER] [--once] [--keep 2]`;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const REVISION = /^[1-9][0-9]{0,17}$/;
const MESSAGE_MAX = 4000;
/** What `nginx -s reload` says when no master process runs (no pid file, or a stale one). */
const NOT_RUNNING = /nginx\.pid" failed|invalid PID number|kill\([0-9]+, 1\) failed \(3: No such process\)/;

function log(level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), level, message, ...fields })}\n`);
}

export async function optionsFrom(argv: string[]): Promise<AgentOptions> {
  const { values } = parseArgs({
    args: argv,
    options: {
      environment: { type: "string" },
      portal: { type: "string" },
      "token-file": { type: "string" },
      "nginx-dir": { type: "string" },
      interval: { type: "string", default: "2" },
      nginx: { type: "string", default: "nginx" },
      "nginx-conf": { type: "string" },
      "nginx-prefix": { type: "string" },
      once: { type: "boolean", default: false },
      keep: { type: "string", default: "2" },
    },
    strict: true,
  });
  const environment = values.environment;
  if (environment !== "TEST" && environment !== "PRODUCTION") throw new Error(`--environment vaut TEST ou PRODUCTION.\n${USAGE}`);
  if (!values.portal || !URL.canParse(values.portal)) throw new Error(`--portal est l'adresse du portail.\n${USAGE}`);
  if (!values["token-file"]) throw new Error(`--token-file est requis.\n${USAGE}`);
  if (!values["nginx-dir"]) throw new Error(`--nginx-dir est requis.\n${USAGE}`);
  const interval = Number(values.interval);
  if (!Number.isFinite(interval) || interval < 0.2 || interval > 3600) throw new Error("--interval est un nombre de secondes entre 0,2 et 3600.");
  const keep = Number(values.keep);
  if (!Number.isInteger(keep) || keep < 1 || keep > 20) throw new Error("--keep est un entier entre 1 et 20.");
  const token = (await fs.readFile(values["token-file"], "utf8")).trim();
  if (!token) throw new Error("Le fichier du jeton est vide.");
  const nginxArgs: string[] = [];
  if (values["nginx-conf"]) nginxArgs.push("-c", values["nginx-conf"]);
  if (values["nginx-prefix"]) nginxArgs.push("-p", values["nginx-prefix"].endsWith("/") ? values["nginx-prefix"] : `${values["nginx-prefix"]}/`);
  return {
    environment,
    portal: values.portal.replace(/\/$/, ""),
    token,
    nginxDir: path.resolve(values["nginx-dir"]),
    intervalMs: Math.round(interval * 1000),
    nginx: values.nginx,
    nginxArgs,
    once: values.once,
    keep,
  };
}

function run(command: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 30_000 }, (error, stdout, stderr) => {
      const message = `${stderr}${stdout}`.trim();
      resolve({ ok: !error, message: message || (error ? String(error.message) : "") });
    });
  });
}

// ── The directory the agent owns: releases/<revision>/, a `current` symlink nginx includes, state.json ───────────

const releasesOf = (dir: string) => path.join(dir, "releases");
const currentOf = (dir: string) => path.join(dir, "current");
const stateOf = (dir: string) => path.join(dir, "state.json");

async function readState(dir: string): Promise<State> {
  try {
    const state = JSON.parse(await fs.readFile(stateOf(dir), "utf8")) as Partial<State>;
    return { revision: typeof state.revision === "string" ? state.revision : null, etag: typeof state.etag === "string" ? state.etag : null };
  } catch {
    return { revision: null, etag: null };
  }
}

async function writeState(dir: string, state: State): Promise<void> {
  const temporary = `${stateOf(dir)}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(state));
  await fs.rename(temporary, stateOf(dir));
}

/** The release `current` points at (a path relative to the directory), or null. */
async function currentTarget(dir: string): Promise<string | null> {
  try {
    return await fs.readlink(currentOf(dir));
  } catch {
    return null;
  }
}

/** Points `current` at a release in one rename: nginx never sees a half-written or missing link. */
async function pointCurrentAt(dir: string, target: string | null): Promise<void> {
  if (target === null) {
    await fs.rm(currentOf(dir), { force: true });
    return;
  }
  const temporary = path.join(dir, `.current-${process.pid}-${Date.now()}`);
  await fs.symlink(target, temporary);
  await fs.rename(temporary, currentOf(dir));
}

async function writeRelease(dir: string, bundle: Bundle): Promise<string> {
  const releases = releasesOf(dir);
  await fs.mkdir(releases, { recursive: true });
  const staging = await fs.mkdtemp(path.join(releases, `.staging-${bundle.revision}-`));
  for (const [name, content] of Object.entries(bundle.files)) {
    if (!FILE_NAME.test(name)) throw new Error(`nom de fichier refusé dans la configuration : ${JSON.stringify(name)}`);
    await fs.writeFile(path.join(staging, name), content, { mode: name.endsWith(".key") ? 0o600 : 0o644 });
  }
  await fs.chmod(staging, 0o755);
  const final = path.join(releases, bundle.revision);
  await fs.rm(final, { recursive: true, force: true });
  await fs.rename(staging, final);
  return path.join("releases", bundle.revision);
}

async function pruneReleases(dir: string, keepTargets: (string | null)[], keep: number): Promise<void> {
  const releases = releasesOf(dir);
  const kept = new Set(keepTargets.filter((t): t is string => t !== null).map((t) => path.basename(t)));
  const names = (await fs.readdir(releases)).filter((name) => REVISION.test(name)).sort((a, b) => (BigInt(a) < BigInt(b) ? 1 : BigInt(a) > BigInt(b) ? -1 : 0));
  for (const name of names) {
    if (kept.size >= keep && !kept.has(name)) await fs.rm(path.join(releases, name), { recursive: true, force: true });
    else kept.add(name);
  }
  for (const name of await fs.readdir(releases)) {
    if (name.startsWith(".staging-")) await fs.rm(path.join(releases, name), { recursive: true, force: true });
  }
}

/**
 * Installs a revision: staged, swapped in, tested, reloaded. On any failure `current` points back at the last good
 * release (and nginx, reloaded or not, keeps serving it).
 */
export async function applyBundle(options: AgentOptions, bundle: Bundle): Promise<Outcome> {
  const dir = options.nginxDir;
  const previous = await currentTarget(dir);
  let target: string;
  try {
    target = await writeRelease(dir, bundle);
  } catch (error) {
    return { ok: false, message: `écriture impossible : ${error instanceof Error ? error.message : String(error)}` };
  }
  await pointCurrentAt(dir, target);
  const test = await run(options.nginx, ["-t", ...options.nginxArgs]);
  if (!test.ok) {
    await pointCurrentAt(dir, previous);
    if (previous !== target) await fs.rm(path.join(dir, target), { recursive: true, force: true });
    return { ok: false, message: `nginx -t a échoué, configuration précédente conservée :\n${test.message}` };
  }
  const reload = await run(options.nginx, ["-s", "reload", ...options.nginxArgs]);
  if (!reload.ok && NOT_RUNNING.test(reload.message)) {
    // Nothing to reload: the tested release is in place for nginx's first start (the bootstrap, deploy/README.md).
    await pruneReleases(dir, [target, previous], options.keep).catch(() => undefined);
    return { ok: true, message: `${test.message}
nginx ne tourne pas : la configuration sera chargée à son démarrage.` };
  }
  if (!reload.ok) {
    await pointCurrentAt(dir, previous);
    const back = await run(options.nginx, ["-s", "reload", ...options.nginxArgs]);
    return { ok: false, message: `le rechargement de nginx a échoué, configuration précédente rétablie${back.ok ? "" : " (son rechargement a aussi échoué)"} :\n${reload.message}` };
  }
  await pruneReleases(dir, [target, previous], options.keep).catch(() => undefined);
  return { ok: true, message: test.message };
}

// ── Talking to the portal ─────────────────────────────────────────────────────────────────────────────────────

async function fetchBundle(options: AgentOptions, etag: string | null): Promise<{ status: 304 } | { status: 200; bundle: Bundle; etag: string }> {
  const url = `${options.portal}/api/v1/gateway/configuration?environment=${options.environment}`;
  const headers: Record<string, string> = { Authorization: `Bearer ${options.token}`, Accept: "application/json" };
  if (etag) headers["If-None-Match"] = etag;
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(15_000) });
  if (response.status === 304) return { status: 304 };
  if (response.status !== 200) throw new Error(`le portail a répondu ${response.status} : ${(await response.text()).slice(0, 500)}`);
  const bundle = (await response.json()) as Bundle;
  if (!bundle || typeof bundle.files !== "object" || !REVISION.test(String(bundle.revision)) || bundle.environment !== options.environment) {
    throw new Error("le portail a envoyé une configuration illisible");
  }
  return { status: 200, bundle, etag: response.headers.get("etag") ?? "" };
}

async function postReport(options: AgentOptions, report: Report): Promise<void> {
  const response = await fetch(`${options.portal}/api/v1/gateway/reports`, {
    method: "POST",
    headers: { Authorization: `Bearer ${options.token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ ...report, message: report.message.slice(0, MESSAGE_MAX) }),
    signal: AbortSignal.timeout(15_000),
  });
  // A 4xx will not get better by retrying (an unknown revision): logged and dropped.
  if (response.status >= 500) throw new Error(`compte rendu refusé (${response.status})`);
  if (response.status !== 201) log("warn", "compte rendu refusé par le portail", { status: response.status, body: (await response.text()).slice(0, 500) });
}

/** One poll: fetch, apply what changed, report. Returns whether something was attempted. */
export async function pollOnce(options: AgentOptions, state: State, pending: Report[]): Promise<boolean> {
  while (pending.length > 0) {
    await postReport(options, pending[0]!);
    pending.shift();
  }
  const answer = await fetchBundle(options, state.etag);
  if (answer.status === 304) return false;
  const { bundle, etag } = answer;
  if (bundle.revision === state.revision && (await currentTarget(options.nginxDir)) !== null) {
    state.etag = etag;
    return false;
  }
  const outcome = await applyBundle(options, bundle);
  const report: Report = { environment: options.environment, revision: bundle.revision, result: outcome.ok ? "applied" : "failed", appliedAt: new Date().toISOString(), message: outcome.message };
  log(outcome.ok ? "info" : "error", outcome.ok ? "révision appliquée" : "révision refusée", { revision: bundle.revision, nginx: outcome.message });
  // A refused revision is not fetched again until it changes: its ETag is remembered, the applied revision is not.
  state.etag = etag;
  if (outcome.ok) state.revision = bundle.revision;
  await writeState(options.nginxDir, state);
  pending.push(report);
  while (pending.length > 0) {
    await postReport(options, pending[0]!);
    pending.shift();
  }
  return true;
}

export async function runAgent(options: AgentOptions): Promise<void> {
  await fs.mkdir(options.nginxDir, { recursive: true });
  const state = await readState(options.nginxDir);
  const pending: Report[] = [];
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  log("info", "agent démarré", { environment: options.environment, portal: options.portal, nginxDir: options.nginxDir, intervalMs: options.intervalMs, revision: state.revision });
  while (!stopping) {
    try {
      await pollOnce(options, state, pending);
    } catch (error) {
      log("warn", "échange avec le portail impossible", { error: error instanceof Error ? error.message : String(error) });
      if (options.once) throw error;
    }
    if (options.once) break;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.intervalMs);
      wake = () => (clearTimeout(timer), resolve());
    });
    wake = null;
  }
  log("info", "agent arrêté");
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  optionsFrom(process.argv.slice(2))
    .then(runAgent)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
