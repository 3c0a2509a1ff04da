// `npm run job:certificate-expiry`: one run of the certificate expiry watch (notices at 60, 30 and 7 days, expired
// certificates marked and removed from the export). Uses DATABASE_URL, else the embedded database of `npm start`.
import { withCommandDatabase } from "../lib/runtime/command-database";

await withCommandDatabase(async () => {
  const { runCertificateExpiryWatch } = await import("../lib/whitelist/expiry-job.server");
  const { db } = await import("../lib/db.server");
  try {
    const { notices, expired } = await runCertificateExpiryWatch(new Date());
    console.info(`Surveillance des certificats : ${notices} avis d'expiration envoyé(s), ${expired} certificat(s) expiré(s) retiré(s) de la liste blanche.`);
  } finally {
    await db().$disconnect();
  }
});
