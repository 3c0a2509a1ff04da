// `npm start` / `npm run dev`: the portal with demo data on an embedded PostgreSQL when DATABASE_URL is unset.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseEnv, EnvError, type Env } from "../lib/env";
import { mailDeliveryNotice } from "../lib/mail/mailbox.server";
import { describeDemoAccounts } from "./demo/seed-demo";
import type { RunningWorker } from "../lib/runtime/worker.server";
import { checkDatabaseReachable, projectRoot } from "../lib/runtime/database-tools";
import { seedDatabase } from "./demo/seed-database";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/runtime/embedded-database";
import { localSecret } from "../lib/runtime/local-secrets";
import { ensureLocalPlatformSeal } from "../lib/runtime/local-seal";
import { applyMigrations } from "../lib/runtime/migrations";
import { needsBuild } from "../lib/runtime/needs-build";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.PORTAL_DATA_DIR ?? path.join(projectRoot, ".data");
const startedAt = Date.now();

let embedded: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;
let worker: RunningWorker | undefined;
let stopping = false;

function log(line: string) {
  console.log(`[portail] ${line}`);
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log("Arrêt du portail…");
    const stopServer = async () => {
      if (server && server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((resolve) => server!.once("exit", resolve));
      }
    };
    // The worker finishes the jobs it is running (graceful shutdown) while the server stops.
    await Promise.all([stopServer(), worker?.stop().then(() => log("Tâches de fond arrêtées proprement."))]);
    if (embedded) {
      await embedded.stop();
      log("Base PostgreSQL intégrée arrêtée proprement.");
    }
  }
  process.exit(code);
}

function fail(message: string): Promise<never> {
  console.error(`[portail] ${message}`);
  return shutdown(1);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function waitUntilServing(url: string): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main() {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  // This command generates a seal, loads demo data, builds: everything production refuses (ADR 0023).
  if (process.env.PORTAL_MODE === "production") {
    return fail("PORTAL_MODE=production : npm start est la commande de démonstration et de développement. En production : npm run db:deploy, npm run build, puis npm run start:production.");
  }
  // Mail links come from AUTH_URL: here, this very port unless told otherwise.
  process.env.AUTH_URL ||= `http://localhost:${port}`;
  // The JSON logs (one line per request, ADR 0025) stay out of the demo's terminal unless asked for.
  process.env.LOG_LEVEL ||= "warn";

  const usingEmbedded = !process.env.DATABASE_URL;
  if (usingEmbedded) {
    const dbPort = Number(process.env.EMBEDDED_DATABASE_PORT ?? 54329);
    log(`DATABASE_URL absente : démarrage de PostgreSQL intégré (port ${dbPort}, données dans .data/postgres)…`);
    try {
      embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "postgres"), port: dbPort });
      await embedded.ensureDatabase("ror");
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
    process.env.DATABASE_URL = embedded.url("ror");
    process.env.AUTH_SECRET ||= localSecret(dataDir, "auth-secret");
    process.env.MFA_ENCRYPTION_KEY ||= localSecret(dataDir, "mfa-encryption-key");
    // The demo reads its mail on /courriels (ADR 0004); an external database gets it only when asked for.
    process.env.MAIL_DEV_MAILBOX ||= "on";
  } else {
    const problem = await checkDatabaseReachable(process.env.DATABASE_URL!);
    if (problem) return fail(problem);
  }

  if (!process.env.SEAL_P12_BASE64 && !process.env.SEAL_P12_PATH) {
    const seal = await ensureLocalPlatformSeal(dataDir);
    process.env.SEAL_P12_PATH = seal.p12Path;
    process.env.SEAL_P12_PASSPHRASE = seal.passphrase;
    log(
      `Cachet des attestations : certificat auto-signé ${seal.created ? "créé" : "repris"} (${path.relative(projectRoot, seal.p12Path) || seal.p12Path}).` +
        (usingEmbedded ? "" : " En production, configurez SEAL_P12_BASE64 ou SEAL_P12_PATH et SEAL_P12_PASSPHRASE."),
    );
  }

  let settings: Env;
  try {
    settings = parseEnv(process.env);
  } catch (error) {
    return fail(error instanceof EnvError ? error.message : String(error));
  }
  console.log(mailDeliveryNotice(settings));

  log("Application des migrations…");
  try {
    await applyMigrations(process.env.DATABASE_URL!, { quiet: true });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }

  const seedDemo = usingEmbedded || process.env.PORTAL_DEMO_DATA === "on";
  if (await seedDatabase(process.env.DATABASE_URL!, { demo: seedDemo })) log("Données de démonstration chargées.");

  const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  const childEnv = { ...process.env, PORT: String(port) };
  if (mode === "start" && needsBuild(projectRoot)) {
    log("Construction de l'application (next build)…");
    const code = await run(process.execPath, [nextBin, "build"], { ...childEnv, NODE_ENV: "production" });
    if (code !== 0) return fail("La construction a échoué.");
    // As `npm run build` does: the standalone folder of `npm run start:production` stays whole (ADR 0023).
    const standalone = await run(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "build-standalone.ts")], childEnv);
    if (standalone !== 0) return fail("La construction du dossier autonome (.next/standalone) a échoué.");
  }

  if (process.env.PORTAL_WORKER !== "off") {
    try {
      const { startWorker } = await import("../lib/runtime/worker.server");
      worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
      log("Tâches de fond démarrées (courriels, surveillance des certificats, rappels, nettoyage).");
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  }

  // Our HTTP server around Next's handler, not `next start`: it passes the connection's peer address (ADR 0016).
  const serveArgs = ["--import", "tsx", path.join(projectRoot, "lib", "runtime", "serve.ts"), ...(mode === "dev" ? ["--dev"] : [])];
  server = spawn(process.execPath, serveArgs, {
    cwd: projectRoot,
    env: { ...childEnv, NODE_ENV: mode === "dev" ? "development" : "production" },
    stdio: "inherit",
  });
  server.on("exit", (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });

  await waitUntilServing(`http://localhost:${port}/api/health`);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  log(`Portail prêt sur http://localhost:${port} (en ${seconds} s).`);
  if (seedDemo) console.log(describeDemoAccounts());
  log("Ctrl-C pour arrêter.");
}

void main();
