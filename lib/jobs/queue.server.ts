import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db.server";
import type { TaskName } from "./schedules";

export type JobSpec = {
  task: TaskName;
  payload: Record<string, unknown>;
  /** At most one waiting job per key: queueing again replaces it (or, running, queues a new one). */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
};

/**
 * Queues jobs with SQL in the transaction of the change that causes them: a rolled-back change queues nothing,
 * and a committed one cannot lose its jobs. Workers are woken by the engine's NOTIFY when the transaction commits.
 */
export async function queueJobs(tx: Tx, jobs: readonly JobSpec[]): Promise<void> {
  if (jobs.length === 0) return;
  const specs = JSON.stringify(
    jobs.map((j) => ({ task: j.task, payload: j.payload, key: j.key ?? null, run_at: j.runAt?.toISOString() ?? null, max_attempts: j.maxAttempts ?? null })),
  );
  // One call of the engine's add_jobs for the whole batch (its documented SQL API).
  await tx.$executeRaw(Prisma.sql`
    SELECT count(*) FROM graphile_worker.add_jobs((
      SELECT array_agg(ROW(j.task, j.payload, NULL, j.run_at, j.max_attempts, j.key, NULL, NULL)::graphile_worker.job_spec)
      FROM json_to_recordset(${specs}::json) AS j(task text, payload json, key text, run_at timestamptz, max_attempts int)))`);
}

export function queueJob(tx: Tx, job: JobSpec): Promise<void> {
  return queueJobs(tx, [job]);
}
