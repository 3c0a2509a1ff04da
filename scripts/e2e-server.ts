// Playwright's web server: a fresh migrated database with the demo data, and the production build.
import { spawn } from "node:child_process";
import path from "node:path";
import { seedDatabase } from "./demo/seed-database";
import { projectRoot } from "../lib/runtime/database-tools";
import { testPlatformSealEnv } from "../lib/runtime/local-seal";
import { e2eTestAuthorityDir, recreateTestAuthority } from "../lib/runtime/demo-test-authority";
import { startSmtpTestServer } from "../lib/testing/smtp-test-server";
import { createMigratedDatabase, startTestCluster } from "../lib/testing/test-cluster";

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

// The background worker, as `npm run worker`, delivering to a local SMTP server that refuses an address beginning with
// "rebond-" once (e2e/mail.spec.ts). The web instances have no SMTP_URL, so the development mailbox the journeys read
// their links from stays on: every message is both delivered and readable at /courriels.
const smtp = await startSmtpTestServer();
smtp.refuseFirstTime = /^rebond-/;
const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, SMTP_URL: smtp.url, ...sealEnv },
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
      ...sealEnv,
    },
  });
}

// Two instances on one database, as behind a load balancer: e2e/instances.spec.ts uses the second. The first is a
// bare portal: no proxy in front (X-Forwarded-For ignored, the peer address is the client's) and the development
// mailbox on, where specs read their mail. The second is set as in production behind one reverse proxy: it takes
// the right-most X-Forwarded-For entry (so specs can present distinct client addresses without tripping each
// other's per-address limits, all coming from 127.0.0.1), has no mailbox (/courriels answers 404 there) and shows the
// State brand, as an ANS deployment does (e2e/layout.spec.ts).
const servers = [
  startInstance(port, { TRUSTED_PROXY_COUNT: "0", MAIL_DEV_MAILBOX: "on" }),
  startInstance(String(Number(port) + 1), { TRUSTED_PROXY_COUNT: "1", MAIL_DEV_MAILBOX: "off", PORTAL_STATE_BRANDING: "on" }),
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
  await cluster.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
for (const server of servers) {
  server.on("exit", (code) => {
    if (code !== null && code !== 0) void cluster.stop().then(() => process.exit(code));
  });
}
