// Resident memory of the app while 5 clients upload 60 MB each at once to the anonymous attestation verification,
// as an attacker would (issue 17). It starts the Playwright web server (lib/testing/e2e-server.ts) on its own port,
// finds the process that listens there (the portal's HTTP server, lib/runtime/serve.ts), samples its VmRSS every
// 20 ms, and prints the baseline, the peak during the uploads, and what is left 10 s later.
// Usage: npm run build && npm run bench:uploads [-- --target action|route|both] [--clients 5] [--megabytes 60]
//   action: the server action behind /verification's form (Next-Action header, multipart body), the path every
//           upload took before issue 17;
//   route:  POST /api/verification, the streaming route handler the form now sends to.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const port = Number(option("port", "3470"));
const base = `http://localhost:${port}`;
const clients = Number(option("clients", "5"));
const megabytes = Number(option("megabytes", "60"));
const target = option("target", "both");

const server = spawn("npx", ["tsx", "lib/testing/e2e-server.ts"], {
  detached: true,
  stdio: "ignore",
  env: { ...process.env, E2E_PORT: String(port) },
});

async function waitForServer() {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("the server did not start");
}

/** The pid of the process listening on the port (ss prints users:(("node",pid=123,fd=22))). */
function listeningPid(): number {
  const output = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).stdout;
  const pid = /pid=(\d+)/.exec(output)?.[1];
  if (!pid) throw new Error(`no process listens on ${port}: ${output}`);
  return Number(pid);
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** The id of the verification form's server action, read from the page (React writes it into the form). */
async function verificationActionId(): Promise<string> {
  const html = await (await fetch(`${base}/verification`)).text();
  const id = /\$ACTION_ID_([0-9a-f]{20,})/.exec(html)?.[1] ?? /&quot;id&quot;:&quot;([0-9a-f]{20,})&quot;/.exec(html)?.[1];
  if (!id) throw new Error("no server action id on /verification");
  return id;
}

type Shot = { status: number | string; ms: number };

async function upload(kind: "action" | "route", actionId: string, body: Blob, index: number): Promise<Shot> {
  const started = performance.now();
  const form = new FormData();
  form.set("attestationFile", body, "attestation.pdf");
  // Distinct client addresses are not needed: the first instance sees every client as 127.0.0.1, like an attacker
  // with one address; the limits allow these few.
  const headers: Record<string, string> = { origin: base, "x-bench-client": String(index) };
  if (kind === "action") headers["next-action"] = actionId;
  try {
    const response = await fetch(kind === "action" ? `${base}/verification` : `${base}/api/verification`, { method: "POST", body: form, headers });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch (error) {
    return { status: (error as Error).cause ? String((error as { cause: Error }).cause.message ?? (error as Error).message) : (error as Error).message, ms: performance.now() - started };
  }
}

async function measure(kind: "action" | "route", pid: number, actionId: string) {
  const samples: number[] = [];
  const sample = () => samples.push(rssMiB(pid));
  for (let i = 0; i < 25; i++) {
    sample();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const baseline = samples.reduce((a, b) => a + b, 0) / samples.length;
  const timer = setInterval(sample, 20);
  const bytes = new Uint8Array(megabytes * 1_000_000);
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  const body = new Blob([bytes], { type: "application/pdf" });
  const started = performance.now();
  const shots = await Promise.all(Array.from({ length: clients }, (_, i) => upload(kind, actionId, body, i)));
  const elapsed = performance.now() - started;
  // Memory kept after the answers.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  clearInterval(timer);
  const after = rssMiB(pid);
  const peak = Math.max(...samples);
  const label = kind === "action" ? "action serveur de /verification" : "POST /api/verification (flux)";
  console.log(`\n${label} : ${clients} envois de ${megabytes} Mo en parallèle, ${(elapsed / 1000).toFixed(1)} s`);
  console.log(`  réponses : ${shots.map((s) => `${s.status} (${(s.ms / 1000).toFixed(1)} s)`).join(", ")}`);
  console.log(`  mémoire résidente : avant ${baseline.toFixed(0)} Mio, pic ${peak.toFixed(0)} Mio (+${(peak - baseline).toFixed(0)}), 10 s après ${after.toFixed(0)} Mio`);
}

try {
  await waitForServer();
  const pid = listeningPid();
  const actionId = await verificationActionId();
  // Warm-up: the routes compile their modules on first use.
  await fetch(`${base}/verification`);
  await fetch(`${base}/api/verification`, { method: "POST", headers: { origin: base } }).catch(() => undefined);
  console.log(`Processus du portail : ${pid}, ${rssMiB(pid).toFixed(0)} Mio au repos`);
  if (target === "action" || target === "both") await measure("action", pid, actionId);
  if (target === "route" || target === "both") await measure("route", pid, actionId);
} finally {
  process.kill(-server.pid!, "SIGTERM");
}
