import "server-only";
import { db } from "../db.server";
import { TASKS } from "../jobs/schedules";
import { MAIL_JOB_MAX_ATTEMPTS } from "./outbox.server";

/** A pending message whose try is this late has lost its job (or was queued before the job engine). */
const LATE = "10 minutes";

/**
 * The safety net of "mail is never lost": queues a delivery job for each pending message that has no live job —
 * messages left by the previous sender, or whose job failed for good (the database was away 25 times). A message
 * whose job is waiting or running is left alone, so no message gets two jobs at once.
 */
export async function sweepMail(limit = 1000): Promise<number> {
  return db().$executeRawUnsafe(
    `SELECT graphile_worker.add_job($1, json_build_object('id', m."id"), max_attempts => $2, job_key => 'mail:' || m."id")
     FROM (
       SELECT "id" FROM "OutboxMessage" m
       WHERE m."status" = 'PENDING' AND coalesce(m."nextAttemptAt", m."createdAt") < now() - interval '${LATE}'
         AND NOT EXISTS (
           SELECT 1 FROM graphile_worker.jobs j
           WHERE j."key" = 'mail:' || m."id" AND (j."locked_at" IS NOT NULL OR j."attempts" < j."max_attempts"))
       ORDER BY m."createdAt" LIMIT $3
     ) m`,
    TASKS.sendMail,
    MAIL_JOB_MAX_ATTEMPTS,
    limit,
  );
}
