// Pure: the background work's figures in the Prometheus text format, for the production mode's metrics endpoint
// (not built yet: `backgroundMetrics()` is what it will serve).

export type JobState = "waiting" | "scheduled" | "running" | "failed";

export type BackgroundMetrics = {
  jobs: { task: string; queue: string | null; state: JobState; count: number }[];
  /** Age in seconds of the oldest job that could run now and has not started; 0 when none waits. */
  oldestWaitingJobSeconds: number;
  mail: { pending: number; retrying: number; sent: number; failed: number; mailbox: number; failedLast24h: number };
};

const label = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

export function prometheusText(metrics: BackgroundMetrics): string {
  const lines = [
    "# HELP portal_jobs Jobs of the background worker, by task, queue and state.",
    "# TYPE portal_jobs gauge",
    ...metrics.jobs.map((j) => `portal_jobs{task="${label(j.task)}",queue="${label(j.queue ?? "")}",state="${j.state}"} ${j.count}`),
    "# HELP portal_jobs_oldest_waiting_seconds Age of the oldest job ready to run that has not started.",
    "# TYPE portal_jobs_oldest_waiting_seconds gauge",
    `portal_jobs_oldest_waiting_seconds ${metrics.oldestWaitingJobSeconds}`,
    "# HELP portal_mail_messages Queued e-mails by status (retrying: pending after a temporary failure).",
    "# TYPE portal_mail_messages gauge",
    ...(["pending", "retrying", "sent", "failed", "mailbox"] as const).map((status) => `portal_mail_messages{status="${status}"} ${metrics.mail[status]}`),
    "# HELP portal_mail_failed_last_24h E-mails that failed for good in the last 24 hours.",
    "# TYPE portal_mail_failed_last_24h gauge",
    `portal_mail_failed_last_24h ${metrics.mail.failedLast24h}`,
  ];
  return `${lines.join("\n")}\n`;
}
