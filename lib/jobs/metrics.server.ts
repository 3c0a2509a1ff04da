import "server-only";
import { db } from "../db.server";
import type { BackgroundMetrics, JobState } from "./metrics";

/** Jobs by task, queue and state, the oldest waiting job's age, and mail by status (see metrics.ts). */
export async function backgroundMetrics(): Promise<BackgroundMetrics> {
  const [jobs, oldest, mail] = await Promise.all([
    db().$queryRaw<{ task: string; queue: string | null; state: JobState; count: bigint }[]>`
      SELECT task_identifier AS task, queue_name AS queue,
        CASE WHEN locked_at IS NOT NULL THEN 'running' WHEN attempts >= max_attempts THEN 'failed' WHEN run_at > now() THEN 'scheduled' ELSE 'waiting' END AS state,
        count(*) AS count
      FROM graphile_worker.jobs GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    db().$queryRaw<{ seconds: number | null }[]>`
      SELECT extract(epoch FROM now() - min(run_at))::float8 AS seconds FROM graphile_worker.jobs
      WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now()`,
    db().$queryRaw<{ pending: bigint; retrying: bigint; sent: bigint; failed: bigint; mailbox: bigint; failed_last_24h: bigint }[]>`
      SELECT count(*) FILTER (WHERE "status" = 'PENDING') AS pending,
        count(*) FILTER (WHERE "status" = 'PENDING' AND "attempts" > 0) AS retrying,
        count(*) FILTER (WHERE "status" = 'SENT') AS sent,
        count(*) FILTER (WHERE "status" = 'FAILED') AS failed,
        count(*) FILTER (WHERE "status" = 'MAILBOX') AS mailbox,
        count(*) FILTER (WHERE "status" = 'FAILED' AND "failedAt" > now() - interval '24 hours') AS failed_last_24h
      FROM "OutboxMessage"`,
  ]);
  const m = mail[0]!;
  return {
    jobs: jobs.map((j) => ({ task: j.task, queue: j.queue, state: j.state, count: Number(j.count) })),
    oldestWaitingJobSeconds: Math.max(0, Math.round(oldest[0]?.seconds ?? 0)),
    mail: { pending: Number(m.pending), retrying: Number(m.retrying), sent: Number(m.sent), failed: Number(m.failed), mailbox: Number(m.mailbox), failedLast24h: Number(m.failed_last_24h) },
  };
}
