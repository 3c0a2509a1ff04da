// `npm run job:certificate-expiry`: one run of the certificate expiry watch (notices at 60, 30 and 7 days, expired
// certificates marked and removed from the export). Uses DATABASE_URL, else the embedded database of `npm start`.
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
try {
  const { runCertificateExpiryWatch } = await import("../whitelist/expiry-job.server");
  const { notices, expired } = await runCertificateExpiryWatch(new Date());
  console.info(`Surveillance des certificats : ${notices} avis d'expiration envoyé(s), ${expired} certificat(s) expiré(s) retiré(s) de la liste blanche.`);
  const { db } = await import("../db.server");
  await db().$disconnect();
} finally {
  await embedded?.stop();
}
