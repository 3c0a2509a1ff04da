// Playwright's web server: a fresh migrated database with the demo data, and the production build.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DEFAULT_MAIL_FROM } from "../lib/env";
import { projectRoot } from "../lib/runtime/database-tools";
import { e2eTestAuthorityDir, recreateTestAuthority } from "../lib/runtime/demo-test-authority";
import { testPlatformSealEnv } from "../lib/runtime/local-seal";
import { clamdAvailable, startTestClamd } from "../lib/testing/clamd";
import { e2ePort, e2eProductionPort, e2eRunDir, startE2eRun } from "../lib/testing/e2e-run";
import { startTestProvider } from "../lib/testing/oidc-provider";
import { startOtlpCollector } from "../lib/testing/otlp-collector";
import { startSmtpTestServer } from "../lib/testing/smtp-test-server";
import { createMigratedDatabase, startTestCluster } from "../lib/testing/test-cluster";
import { e2eWebhookReceiverDir, recreateReceiverCertificate } from "../lib/testing/webhook-receiver";
import { seedDatabase } from "./demo/seed-database";

const port = e2ePort();
const productionPort = e2eProductionPort(port);
const standaloneServer = path.join(projectRoot, ".next", "standalone", "portal.mjs");
if (!existsSync(standaloneServer)) {
  console.error(`[e2e] ${path.relative(projectRoot, standaloneServer)} absent : lancez « npm run build » avant les tests de bout en bout.`);
  process.exit(1);
}
const cluster = await startTestCluster();
const databaseUrl = await createMigratedDatabase(cluster.adminUrl, `ror_e2e_${process.pid}`);
// A fresh test authority per run, in a folder the specs find from the port (see e2eTestAuthorityDir).
const testAuthorityDir = e2eTestAuthorityDir(port);
await recreateTestAuthority(testAuthorityDir);
// One key seals the second-factor secrets for the seed (the demo ANS accounts' TOTP) and every instance.
const mfaEncryptionKey = (process.env.MFA_ENCRYPTION_KEY ||= randomBytes(32).toString("base64url"));
await seedDatabase(databaseUrl, { demo: true, testAuthorityDir });
// Both instances seal with the same fresh self-signed platform seal (each trusts what the other sealed).
const sealEnv = await testPlatformSealEnv();
const authSecret = process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
const metricsToken = randomBytes(24).toString("base64url");
// A real clamd with an EICAR signature database (ADR 0028) scans the uploads of the instances, when installed.
const clamd = clamdAvailable() ? await startTestClamd() : null;
if (!clamd) console.warn("[e2e] clamd (clamav-daemon) absent : les envois ne sont pas analysés, le parcours antivirus est sauté.");
// Webhooks (e2e/webhooks.spec.ts): the spec runs an HTTPS receiver on loopback with the certificate made here, which
// the worker trusts (NODE_EXTRA_CA_CERTS, read by Node at start-up); loopback receivers are allowed (test-only setting).
const webhookReceiverCa = await recreateReceiverCertificate(e2eWebhookReceiverDir(port));

// Every line of every process goes to one file, which e2e/logs.audit.ts reads at the end of the run; what they write
// on stderr is shown as well.
mkdirSync(e2eRunDir(port), { recursive: true });
const logFile = path.join(e2eRunDir(port), "servers.log");
const log = createWriteStream(logFile, { flags: "w", mode: 0o600 });
function capture(child: ChildProcess): ChildProcess {
  child.stdout?.pipe(log, { end: false });
  child.stderr?.on("data", (chunk: Buffer) => {
    log.write(chunk);
    process.stderr.write(chunk);
  });
  return child;
}

const smtp = await startSmtpTestServer();
smtp.refuseFirstTime = /^rebond-/;
const collector = await startOtlpCollector();
// ProConnect (ADR 0044): a real OpenID provider (oidc-provider) on loopback, which the first two instances use; its own
// login page takes any e-mail address (e2e/proconnect.spec.ts).
const portalOrigins = [port, String(Number(port) + 1)].map((p) => `http://localhost:${p}`);
const oidcProvider = await startTestProvider({
  redirectUris: portalOrigins.map((origin) => `${origin}/api/proconnect/retour`),
  postLogoutRedirectUris: portalOrigins.map((origin) => `${origin}/connexion?deconnecte=1`),
});
const proConnectEnv = {
  PROCONNECT_ISSUER: oidcProvider.issuer,
  PROCONNECT_CLIENT_ID: oidcProvider.clientId,
  PROCONNECT_CLIENT_SECRET: oidcProvider.clientSecret,
  PROCONNECT_ACR_VALUES: "eidas2 eidas3",
};
startE2eRun({
  databaseUrl,
  logFile,
  productionUrl: `http://localhost:${productionPort}`,
  metricsToken,
  collectorUrl: collector.url,
  configuredSecrets: [authSecret, metricsToken, sealEnv.SEAL_P12_PASSPHRASE, oidcProvider.clientSecret],
});

// The background worker, as `npm run worker`, delivering to a local SMTP server that refuses an address beginning with
// "rebond-" once (e2e/mail.spec.ts). The first two web instances have no SMTP_URL, so the development mailbox the
// journeys read their links from stays on: every message is both delivered and readable at /courriels.
const worker = capture(
  spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "info",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: authSecret,
        MFA_ENCRYPTION_KEY: mfaEncryptionKey,
        SMTP_URL: smtp.url,
        WEBHOOK_ALLOW_LOOPBACK: "on",
        NODE_EXTRA_CA_CERTS: webhookReceiverCa,
        ...sealEnv,
      },
  }),
);

function startInstance(instancePort: string, settings: Record<string, string>) {
  return capture(
    spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "lib", "runtime", "serve.ts")], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        LOG_LEVEL: "info",
        ...settings,
        PORT: instancePort,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: authSecret,
        MFA_ENCRYPTION_KEY: mfaEncryptionKey,
        AUTH_URL: `http://localhost:${instancePort}`,
        WEBHOOK_ALLOW_LOOPBACK: "on",
        ...(clamd ? { CLAMAV_SOCKET: clamd.socket } : {}),
        ...proConnectEnv,
        ...sealEnv,
      },
    }),
  );
}

// The production start exactly as a deployment runs it (ADR 0023): the standalone build, plain Node, and only the
// settings production requires; nothing inherited from the test command's environment.
function startProductionInstance() {
  return capture(
    spawn(process.execPath, [standaloneServer], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
        NODE_ENV: "production",
        PORTAL_MODE: "production",
        PORT: productionPort,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: authSecret,
        MFA_ENCRYPTION_KEY: mfaEncryptionKey,
        // The public address behind the TLS proxy; the tests reach the instance directly over http on loopback.
        AUTH_URL: `https://localhost:${productionPort}`,
        SMTP_URL: smtp.url,
        // Production requires it said; the same sender as the other instances, whose worker shares the queue.
        MAIL_FROM: DEFAULT_MAIL_FROM,
        TRUSTED_PROXY_COUNT: "1",
        METRICS_TOKEN: metricsToken,
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_SERVICE_NAME: "ror-espace-confiance-e2e",
        // The run's one worker (above) takes every job: it trusts the webhook receiver and allows loopback, which
        // production mode refuses, so an in-process worker here would fail the webhook journey's deliveries.
        PORTAL_WORKER: "off",
        ...(clamd ? { CLAMAV_SOCKET: clamd.socket } : {}),
        ...sealEnv,
      },
    }),
  );
}

// Three instances on one database, as behind a load balancer. The first is a bare portal: no proxy in front
// (X-Forwarded-For ignored, the peer address is the client's) and the development mailbox on, where specs read their
// mail. The second is set as behind one reverse proxy: it takes the right-most X-Forwarded-For entry (so specs can
// present distinct client addresses without tripping each other's per-address limits, all coming from 127.0.0.1) and
// has no mailbox (/courriels answers 404 there) and shows the State brand, as an ANS deployment does
// (e2e/layout.spec.ts); e2e/instances.spec.ts uses it. The third is the production start
// (e2e/production.spec.ts), with its own worker in the process.
const servers = [
  // Every spec reaches the first instance from 127.0.0.1: its per-address limits (anonymous endpoints, ADR 0027;
  // sign-ups, recovery requests and invitation acceptances, ADR 0020) are raised; the others keep production's.
  startInstance(port, { TRUSTED_PROXY_COUNT: "0", MAIL_DEV_MAILBOX: "on", ANONYMOUS_LIMITS_MULTIPLIER: "50", ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR: "100000" }),
  // A step-up window of 20 s instead of 10 min (test-only setting): e2e/second-factor.spec.ts sees a sensitive act ask again.
  startInstance(String(Number(port) + 1), { TRUSTED_PROXY_COUNT: "1", MAIL_DEV_MAILBOX: "off", ANONYMOUS_LIMITS_MULTIPLIER: "1", PORTAL_STATE_BRANDING: "on", STEP_UP_WINDOW_SECONDS: "20" }),
  startProductionInstance(),
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
  await Promise.all([smtp.close(), collector.close(), clamd?.stop(), oidcProvider.close()]);
  await new Promise((resolve) => log.end(resolve));
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
