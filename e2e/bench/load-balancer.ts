// Throughput of the signed-in editor home through Debian's nginx (deploy/nginx/ror-portal.conf, TLS) with one and with
// two production instances behind it, in one run (ADR 0055). Not part of npm test.
// Usage: npm run build && npm run bench:load-balancer   (BENCH_CONNECTIONS=20, BENCH_SECONDS=15, BENCH_ROUNDS=2)
import { spawn } from "node:child_process";
import https from "node:https";
import os from "node:os";
import autocannon from "autocannon";
import { loadBalancerPorts } from "../../lib/testing/load-balancer-run";
import { DEMO_PASSWORD, demoAccounts } from "../../scripts/demo/demo-accounts";

const env = { ...process.env, LOAD_BALANCER_PORT: process.env.LOAD_BALANCER_PORT ?? "3440", LOAD_BALANCER_SINGLE: "on" };
const ports = loadBalancerPorts(env);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
// Stopped with SIGTERM alone (not its process group): it stops nginx, then the instances, then the database, in order.
const server = spawn(process.execPath, ["--import", "tsx", "scripts/load-balancer-server.ts"], { stdio: ["ignore", "ignore", "inherit"], env });
const serverExited = new Promise((resolve) => server.once("exit", resolve));

async function waitForServer() {
  for (;;) {
    if (server.exitCode !== null) throw new Error("le serveur du banc s'est arrêté");
    const ok = await fetch(`http://127.0.0.1:${ports.control}/instances`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Signs the demo editor in through nginx (its certificate is the run's self-signed one) and returns the cookie. */
function signInCookie(email: string): Promise<string> {
  const origin = `https://localhost:${ports.https}`;
  const body = JSON.stringify({ email, password: DEMO_PASSWORD });
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${origin}/api/connexion`,
      { method: "POST", rejectUnauthorized: false, headers: { "content-type": "application/json", origin, "content-length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        const session = (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!).find((c) => c.includes("authjs.session-token="));
        if (response.statusCode === 200 && session) resolve(session);
        else reject(new Error(`connexion refusée : ${response.statusCode}`));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

type Figures = { requestsPerSecond: number; p50: number; p99: number };

async function measure(port: number, cookie: string, duration = seconds): Promise<Figures> {
  const result = await autocannon({ url: `https://localhost:${port}/editeur`, connections, duration, headers: { cookie } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`port ${port} : ${result.non2xx} réponses non 2xx, ${result.errors} erreurs`);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const format = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 1 });

try {
  await waitForServer();
  const editor = demoAccounts.find((a) => a.roles.includes("EDITOR"))!;
  const cookie = await signInCookie(editor.email);
  await measure(ports.single, cookie, 5); // warm-up: both instances compile and cache their pages
  await measure(ports.https, cookie, 5);
  const one: Figures[] = [];
  const two: Figures[] = [];
  for (let round = 0; round < rounds; round++) {
    one.push(await measure(ports.single, cookie));
    two.push(await measure(ports.https, cookie));
  }
  const mean = (list: Figures[], key: keyof Figures) => list.reduce((sum, f) => sum + f[key], 0) / list.length;
  console.log(`Espace éditeur connecté (/editeur) via nginx en TLS, ${connections} clients, ${rounds} × ${seconds} s par configuration,`);
  console.log(`sur ${os.cpus().length} cœurs (charge moyenne sur 1 min : ${os.loadavg()[0]!.toFixed(1)}), tout sur cette machine :`);
  for (const [label, list] of [["1 instance ", one], ["2 instances", two]] as const) {
    console.log(`  ${label} : ${format(mean(list, "requestsPerSecond"))} requêtes/s (médiane ${format(mean(list, "p50"))} ms, p99 ${format(mean(list, "p99"))} ms) — ${list.map((f) => format(f.requestsPerSecond)).join(" / ")}`);
  }
  console.log(`  rapport 2 / 1 : ${(mean(two, "requestsPerSecond") / mean(one, "requestsPerSecond")).toFixed(2)}`);
} finally {
  server.kill("SIGTERM");
  await serverExited;
}
