// Webhook latency with the worker idle: from the commit of the transaction that records an act to the signed POST
// arriving at a local HTTPS receiver (lib/testing/webhook-receiver.ts, on loopback). Two kinds of act: one forwarded as
// such (application.submitted) and one that changes the whitelist (the level-1 quota, sent as whitelist.changed with
// the new revision and ETags, which the dispatcher reads after the commit). One act at a time, the worker idle in
// between (as in production: default concurrency and poll interval; it is woken by the database's NOTIFY).
// Usage: npm run bench:webhooks [-- 50]   (samples per kind; starts its own throwaway PostgreSQL)
import { randomBytes, randomUUID } from "node:crypto";
import { createMigratedDatabase, startTestCluster } from "../../lib/testing/test-cluster";
import { startWebhookReceiver } from "../../lib/testing/webhook-receiver";

const SAMPLES = Number(process.argv[2] ?? 50);
const IDLE_MS = 300;

process.env.AUTH_SECRET ||= randomBytes(32).toString("hex");
process.env.WORKER_VERBOSE = "";
const cluster = await startTestCluster();
const receiver = await startWebhookReceiver();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

try {
  process.env.DATABASE_URL = await createMigratedDatabase(cluster.adminUrl, "ror_bench_webhooks");
  const { db } = await import("../../lib/db.server");
  const { recordEvent } = await import("../../lib/events/record.server");
  const { systemActor } = await import("../../lib/events/actor");
  const { startWorker } = await import("../../lib/runtime/worker.server");
  const { createSubscription } = await import("../../lib/webhooks/subscriptions.server");
  const { createPerson } = await import("../../lib/testing/catalogue-fixtures.server");

  const admin = await createPerson(["ANS_ADMIN"], "Banc d'essai");
  const policy = { allowLoopback: true };
  const { secret } = await createSubscription(admin, { name: "Banc d'essai", url: receiver.url("/bench"), eventTypes: ["application.submitted", "whitelist.changed"] }, { ip: "127.0.0.1", userAgent: "bench" }, { policy });
  receiver.secrets = [secret];
  const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL, smtpUrl: null, schedules: false, webhooks: { policy, ca: receiver.certPem } });

  const kinds: { label: string; commit: (i: number) => Promise<void>; type: string }[] = [
    {
      label: "application.submitted (forwarded act)",
      type: "application.submitted",
      commit: (i) =>
        db().$transaction(async (tx) => {
          await recordEvent(tx, {
            name: "application.submitted",
            actor: systemActor("bench"),
            subjectId: randomUUID(),
            payload: { submissionId: randomUUID(), number: i + 1, kind: "NEW", requestedProfile: "0", changeCount: null },
          });
        }),
    },
    {
      label: "whitelist.changed (level-1 quota edited)",
      type: "whitelist.changed",
      commit: (i) =>
        db().$transaction(async (tx) => {
          const to = 100 + ((i % 2) + 1);
          await tx.level1QuotaSetting.update({ where: { id: 1 }, data: { perApiPerSecond: to, version: { increment: 1 } } });
          await recordEvent(tx, { name: "level1_quota.updated", actor: systemActor("bench"), subjectId: null, payload: { from: 100, to } });
        }),
    },
  ];

  // A first delivery warms the worker, the connection pools and TLS.
  await kinds[0]!.commit(0);
  await new Promise((resolve) => setTimeout(resolve, 2000));

  for (const kind of kinds) {
    const latencies: number[] = [];
    let unverified = 0;
    for (let i = 0; i < SAMPLES; i++) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      const arrived = new Promise<number>((resolve) => {
        const wait = () =>
          void receiver.next().then((r) => {
            if ((JSON.parse(r.body) as { type: string }).type !== kind.type) return wait();
            if (r.verifiedWith === null) unverified++;
            resolve(r.receivedAt);
          });
        wait();
      });
      await kind.commit(i);
      const committed = Date.now();
      latencies.push((await arrived) - committed);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `${kind.label}: ${SAMPLES} samples, commit → delivered median ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms ` +
        `(min ${latencies[0]} ms, max ${latencies.at(-1)} ms)${unverified ? ` — ${unverified} SIGNATURE(S) NOT VERIFIED` : ""}`,
    );
  }
  await worker.stop();
  await db().$disconnect();
} finally {
  await receiver.close();
  await cluster.stop();
}
