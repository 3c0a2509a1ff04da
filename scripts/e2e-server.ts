// Playwright's web server: a fresh migrated database with the demo data, and the production build.
import { spawn } from "node:child_process";
import path from "node:path";
import { seedDatabase } from "./demo/seed-database";
import { projectRoot } from "../lib/runtime/database-tools";
import { testPlatformSealEnv } from "../lib/runtime/local-seal";
import { e2eTestAuthorityDir, recreateTestAuthority } from "../lib/runtime/demo-test-authority";
import { startSmtpTestServer } from "../lib/testing/smtp-test-server";
import { e2eWebhookReceiverDir, recreateReceiverCertificate } from "../lib/testing/webhook-receiver";
import { createMigratedDatabase, startTestCluster } from "../lib/testing/test-cluster";
import { clamdAvailable, startTestClamd } from "../lib/testing/clamd";

const port = process.env.E2E_PORT ?? "3100";
const cluster = await startTestCluster();
const databaseUrl = await createMigratedDatabase(cluster.adminUrl, `ror_e2e_${process.pid}`);
// A fresh test authority per run, in a folder the specs find from the port (see e2eTestAuthorityDir).
const testAuthorityDir = e2eTestAuthorityDir(port);
await recreateTestAuthority(testAuthorityDir);
await seedDatabase(databaseUrl, { demo: true, testAuthorityDir });
// Both instances seal with the same fresh self-signed platform seal (each trusts what the other sealed).
const sealEnv = await testPlatformSealEnv();
const authSecret = process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
// A real clamd with an EICAR signature database (ADR 0028) scans the uploads of both instances, when installed.
const clamd = clamdAvailable() ? await startTestClamd() : null;
if (!clamd) console.warn("[e2e] clamd (clamav-daemon) absent : les envois ne sont pas analysés, le parcours antivirus est sauté.");

// The background worker, as `npm run worker`, delivering to a local SMTP server that refuses an address beginning with
// "rebond-" once (e2e/mail.spec.ts). The web instances have no SMTP_URL, so the development mailbox the journeys read
// their links from stays on: every message is both delivered and readable at /courriels.
const smtp = await startSmtpTestServer();
smtp.refuseFirstTime = /^rebond-/;
// Webhooks (e2e/webhooks.spec.ts): the spec runs an HTTPS receiver on loopback with the certificate made here, which
// the worker trusts (NODE_EXTRA_CA_CERTS, read by Node at start-up); loopback receivers are allowed (test-only setting).
const webhookReceiverCa = await recreateReceiverCertificate(e2eWebhookReceiverDir(port));
const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    SMTP_URL: smtp.url,
    WEBHOOK_ALLOW_LOOPBACK: "on",
    NODE_EXTRA_CA_CERTS: webhookReceiverCa,
    ...sealEnv,
  },
});

function startInstance(instancePort: string, settings: Record<string, string>) {
  return spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "lib", "runtime", "serve.ts")], {
    cwd: projectRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      ...settings,
      PORT: instancePort,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      AUTH_URL: `http://localhost:${instancePort}`,
      WEBHOOK_ALLOW_LOOPBACK: "on",
      ...(clamd ? { CLAMAV_SOCKET: clamd.socket } : {}),
      ...sealEnv,
    },
  });
}

// Two instances on one database, as behind a load balancer: e2e/instances.spec.ts uses the second. The first is a
// bare portal: no proxy in front (X-Forwarded-For ignored, the peer address is the client's) and the development
// mailbox on, where specs read their mail. The second is set as in production behind one reverse proxy: it takes
// the right-most X-Forwarded-For entry (so specs can present distinct client addresses without tripping each
// other's per-address limits, all coming from 127.0.0.1) and has no mailbox (/courriels answers 404 there). Every
// spec reaches the first from 127.0.0.1, so its anonymous limits (ADR 0027) are raised; the second keeps
// production's, which e2e/uploads.spec.ts trips from an address of its own.
const servers = [
  // Every spec reaches the first instance from 127.0.0.1: its per-address limits (anonymous endpoints, ADR 0027;
  // sign-ups, recovery requests and invitation acceptances, ADR 0020) are raised; the second keeps production's.
  startInstance(port, { TRUSTED_PROXY_COUNT: "0", MAIL_DEV_MAILBOX: "on", ANONYMOUS_LIMITS_MULTIPLIER: "50", ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR: "100000" }),
  startInstance(String(Number(port) + 1), { TRUSTED_PROXY_COUNT: "1", MAIL_DEV_MAILBOX: "off", ANONYMOUS_LIMITS_MULTIPLIER: "1" }),
];

async function stop() {
  await Promise.all(
    [...servers, worker].map(async (server) => {
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((resolve) => server.once("exit", resolve));
      }
    }),
  );
  await smtp.close();
  await clamd?.stop();
  await cluster.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
for (const server of servers) {
  server.on("exit", (code) => {
    if (code !== null && code !== 0) void Promise.all([clamd?.stop(), cluster.stop()]).then(() => process.exit(code));
  });
}
