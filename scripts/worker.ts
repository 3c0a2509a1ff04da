// `npm run worker`: the background worker alone, for a deployment that runs it apart from the web instances
// (PORTAL_WORKER=off on those). Uses DATABASE_URL, else the embedded database of `npm start` (which must not be
// running). The migration step must have run: the worker checks the job schema and never installs it.
// Ctrl-C (SIGINT) or SIGTERM: finishes the jobs under way, then exits.
import path from "node:path";
import { parseEnv, EnvError } from "../lib/env";
import { projectRoot } from "../lib/runtime/database-tools";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/runtime/embedded-database";
import { localSecret } from "../lib/runtime/local-secrets";

function log(line: string) {
  console.log(`[tâches] ${line}`);
}

let embedded: EmbeddedDatabase | null = null;
if (!process.env.DATABASE_URL) {
  const dataDir = process.env.PORTAL_DATA_DIR ?? path.join(projectRoot, ".data");
  embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "postgres"), port: Number(process.env.EMBEDDED_DATABASE_PORT ?? 54329) });
  await embedded.ensureDatabase("ror");
  process.env.DATABASE_URL = embedded.url("ror");
  process.env.AUTH_SECRET ||= localSecret(dataDir, "auth-secret");
  process.env.MFA_ENCRYPTION_KEY ||= localSecret(dataDir, "mfa-encryption-key");
}

async function exit(code: number): Promise<never> {
  await embedded?.stop();
  process.exit(code);
}

try {
  parseEnv(process.env);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : String(error));
  await exit(1);
}

const { startWorker } = await import("../lib/runtime/worker.server");
let worker;
try {
  worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await exit(1);
}
log(`Prêt${process.env.SMTP_URL ? "" : " (sans SMTP : les courriels restent dans /courriels)"}. Ctrl-C pour arrêter.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  log("Arrêt : fin des tâches en cours…");
  await worker!.stop();
  const { db } = await import("../lib/db.server");
  await db().$disconnect();
  log("Arrêté proprement.");
  await exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
