// The load-balancer phase's web server (ADR 0055), run on its own after the e2e phase: Debian's nginx with
// deploy/nginx/ror-portal.conf terminating TLS in front of two production instances (the standalone build, each with
// its in-process worker) on one fresh database. A control endpoint on loopback lets the specs and the benchmark stop
// an instance and read the mail the instances' workers delivered.
//   LOAD_BALANCER_PORT (E2E_PORT + 10): https there, http (redirect) +1, instances +2 and +3, control +4.
//   LOAD_BALANCER_SINGLE=on (benchmark): a second nginx on +5 with the first instance alone in its upstream.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync, type WriteStream } from "node:fs";
import http from "node:http";
import path from "node:path";
import { DEFAULT_MAIL_FROM } from "../lib/env";
import { projectRoot } from "../lib/runtime/database-tools";
import { testPlatformSealEnv } from "../lib/runtime/local-seal";
import { startDeployNginx, type DeployNginx } from "../lib/testing/deploy-nginx";
import { loadBalancerPorts, loadBalancerRunDir } from "../lib/testing/load-balancer-run";
import { startSmtpTestServer } from "../lib/testing/smtp-test-server";
import { createMigratedDatabase, startTestCluster } from "../lib/testing/test-cluster";
import { receiverCertificate } from "../lib/testing/webhook-receiver";
import { seedDatabase } from "./demo/seed-database";

const ports = loadBalancerPorts();
const runDir = loadBalancerRunDir(ports.https);
const standaloneServer = path.join(projectRoot, ".next", "standalone", "portal.mjs");
if (!existsSync(standaloneServer)) {
  console.error(`[répartiteur] ${path.relative(projectRoot, standaloneServer)} absent : lancez « npm run build » avant.`);
  process.exit(1);
}
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true, mode: 0o755 });

const cluster = await startTestCluster();
const databaseUrl = await createMigratedDatabase(cluster.adminUrl, `ror_lb_${process.pid}`);
const authSecret = randomBytes(36).toString("base64url");
// The instances seal second factors with MFA_ENCRYPTION_KEY = authSecret: the demo ANS accounts' TOTP secrets too.
await seedDatabase(databaseUrl, { demo: true, secondFactorKey: authSecret });
const sealEnv = await testPlatformSealEnv();
const metricsToken = randomBytes(24).toString("base64url");
const smtp = await startSmtpTestServer();
const publicUrl = `https://localhost:${ports.https}`;

// The TLS certificate nginx presents (self-signed, localhost); the browsers of the phase accept it explicitly.
const tls = await receiverCertificate();
writeFileSync(path.join(runDir, "server.pem"), tls.certPem);
writeFileSync(path.join(runDir, "server.key"), tls.keyPem, { mode: 0o600 });

type Instance = { port: number; child: ChildProcess; log: WriteStream; exited: Promise<number | null> };

// Exactly what a deployment runs (deploy/systemd/ror-portal@.service): the standalone build on plain Node, the
// production settings and nothing else inherited; each instance runs its worker in its process.
function startInstance(port: number, name: string): Instance {
  const log = createWriteStream(path.join(runDir, `instance-${name}.log`), { flags: "w", mode: 0o600 });
  const child = spawn(process.execPath, [standaloneServer], {
    cwd: path.dirname(standaloneServer),
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      NODE_ENV: "production",
      PORTAL_MODE: "production",
      PORT: String(port),
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      MFA_ENCRYPTION_KEY: authSecret,
      AUTH_URL: publicUrl,
      SMTP_URL: smtp.url,
      MAIL_FROM: DEFAULT_MAIL_FROM,
      TRUSTED_PROXY_COUNT: "1",
      METRICS_TOKEN: metricsToken,
      ...sealEnv,
    },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { port, child, log, exited };
}

async function ready(port: number, deadline = Date.now() + 120_000): Promise<void> {
  while (Date.now() < deadline) {
    const status = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`[répartiteur] l'instance du port ${port} n'est pas prête.`);
}

const instances = [startInstance(ports.instances[0], "a"), startInstance(ports.instances[1], "b")];
await Promise.all(instances.map((instance) => ready(instance.port)));
const certificate = { certificateFile: path.join(runDir, "server.pem"), keyFile: path.join(runDir, "server.key") };
const proxies: DeployNginx[] = [
  await startDeployNginx(path.join(runDir, "nginx"), {
    httpsPort: ports.https,
    httpPort: ports.http,
    upstreams: ports.instances.map((port) => `127.0.0.1:${port}`),
    ...certificate,
  }),
];
if (process.env.LOAD_BALANCER_SINGLE === "on") {
  proxies.push(
    await startDeployNginx(path.join(runDir, "nginx-single"), {
      httpsPort: ports.single,
      httpPort: ports.single + 1,
      upstreams: [`127.0.0.1:${ports.instances[0]}`],
      ...certificate,
    }),
  );
}

function json(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

// The control endpoint, on loopback only: GET /mail, GET /instances, POST /instances/<i>/stop (answers once it exited).
const control = http.createServer((request, response) => {
  const stop = /^\/instances\/([01])\/stop$/.exec(request.url ?? "");
  if (request.method === "GET" && request.url === "/mail") {
    return json(response, 200, smtp.received.map((mail) => ({ to: mail.to, headers: mail.headers })));
  }
  if (request.method === "GET" && request.url === "/instances") {
    return json(response, 200, instances.map((i) => ({ port: i.port, running: i.child.exitCode === null && i.child.signalCode === null })));
  }
  if (request.method === "POST" && stop) {
    const instance = instances[Number(stop[1])]!;
    instance.child.kill("SIGTERM");
    return void instance.exited.then((code) => json(response, 200, { port: instance.port, code }));
  }
  json(response, 404, {});
});
await new Promise<void>((resolve) => control.listen(ports.control, "127.0.0.1", resolve));
const configuredSecrets = [authSecret, metricsToken, sealEnv.SEAL_P12_PASSPHRASE];
writeFileSync(path.join(runDir, "run.json"), JSON.stringify({ databaseUrl, publicUrl, configuredSecrets, ...ports }, null, 2), { mode: 0o600 });
console.error(`[répartiteur] nginx ${publicUrl} devant les instances ${ports.instances.join(" et ")}.`);

let stopping = false;
async function stopAll() {
  if (stopping) return;
  stopping = true;
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  await Promise.all(
    instances.map(async (instance) => {
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill("SIGTERM");
      await instance.exited;
      await new Promise((resolve) => instance.log.end(resolve));
    }),
  );
  await new Promise((resolve) => control.close(resolve));
  await smtp.close();
  await cluster.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stopAll());
process.on("SIGINT", () => void stopAll());
