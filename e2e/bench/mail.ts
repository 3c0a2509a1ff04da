// Mail delivery throughput: 10,000 messages queued (as use cases queue them, in transactions of 500), then delivered by
// one worker to a local SMTP server (smtp-server on loopback, accepting everything). Prints the queueing rate and the
// delivery rate in messages per second, for each worker concurrency given.
// Usage: npm run bench:mail [-- 10000 5,20]   (messages, concurrencies; starts its own throwaway PostgreSQL)
import { randomBytes } from "node:crypto";
import { createMigratedDatabase, startTestCluster } from "../../lib/testing/test-cluster";
import { startSmtpTestServer } from "../../lib/testing/smtp-test-server";

const MESSAGES = Number(process.argv[2] ?? 10_000);
const CONCURRENCIES = (process.argv[3] ?? "5,20").split(",").map(Number);
const BATCH = 500;

process.env.AUTH_SECRET ||= randomBytes(32).toString("hex");
process.env.WORKER_VERBOSE = "";
const cluster = await startTestCluster();
const smtp = await startSmtpTestServer();
try {
  process.env.DATABASE_URL = await createMigratedDatabase(cluster.adminUrl, "ror_bench_mail");
  const { db } = await import("../../lib/db.server");
  const { queueMail } = await import("../../lib/mail/outbox.server");
  const { startWorker } = await import("../../lib/runtime/worker.server");
  for (const concurrency of CONCURRENCIES) {
    await db().outboxMessage.deleteMany();
    const before = smtp.received.length;

    const queueStarted = performance.now();
    for (let start = 0; start < MESSAGES; start += BATCH) {
      const size = Math.min(BATCH, MESSAGES - start);
      await db().$transaction(
        (tx) =>
          queueMail(
            tx,
            Array.from({ length: size }, (_, i) => ({
              to: `destinataire${start + i}@banc-essai.example`,
              subject: "Votre dossier d'adhésion a été déposé",
              text: `Bonjour,\n\nLe dossier n° ${start + i} est déposé. L'ANS l'instruira sous quinze jours.\n\nL'équipe de l'espace de confiance du ROR`,
              kind: "bench",
            })),
          ),
        { timeout: 120_000 },
      );
    }
    const queueSeconds = (performance.now() - queueStarted) / 1000;

    const sendStarted = performance.now();
    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL, smtpUrl: smtp.url, concurrency, schedules: false, pollInterval: 500 });
    for (;;) {
      const sent = await db().outboxMessage.count({ where: { status: "SENT" } });
      if (sent === MESSAGES) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const sendSeconds = (performance.now() - sendStarted) / 1000;
    await worker.stop();
    const delivered = smtp.received.length - before;
    console.log(
      `concurrency ${concurrency}: queued ${MESSAGES} in ${queueSeconds.toFixed(1)} s (${Math.round(MESSAGES / queueSeconds)} msg/s); ` +
        `delivered ${delivered} in ${sendSeconds.toFixed(1)} s (${Math.round(MESSAGES / sendSeconds)} msg/s)${delivered === MESSAGES ? "" : " — COUNT MISMATCH"}`,
    );
  }
  await db().$disconnect();
} finally {
  await smtp.close();
  await cluster.stop();
}
