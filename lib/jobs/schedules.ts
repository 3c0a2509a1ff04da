// Pure: the portal's recurring jobs and when they run. The engine's cron reads UTC; a job "daily at 06:00 in
// Europe/Paris" is therefore scheduled at both UTC hours that can be 06:00 in Paris (04:00 in summer, 05:00 in
// winter), and the run whose scheduled instant is not 06:00 in Paris does nothing (`isAtParisTime`). The engine
// schedules each occurrence once across every worker on the database (its `known_crontabs` table).

export const TASKS = {
  sendMail: "mail.send",
  sweepMail: "mail.sweep",
  certificateExpiryWatch: "certificates.expiry_watch",
  housekeeping: "housekeeping.daily",
  attestationReminders: "attestations.reminders",
  /** Named in the trigger on Event too (migration webhooks). */
  dispatchWebhooks: "webhooks.dispatch",
  deliverWebhook: "webhooks.deliver",
  sweepWebhooks: "webhooks.sweep",
  statisticsRefresh: "statistics.refresh",
  joinRequestEscalation: "organizations.join_request_escalation",
} as const;
export type TaskName = (typeof TASKS)[keyof typeof TASKS];

export type ParisTime = { hour: number; minute: number };

export type Schedule = {
  identifier: string;
  task: TaskName;
  /** Cron pattern, in UTC. */
  match: string;
  /** For daily jobs: the local time in Europe/Paris they are meant for. */
  parisTime?: ParisTime;
  /** How far back a worker that was down catches up on missed occurrences. */
  backfillMs: number;
};

const HOUR_MS = 60 * 60_000;

/** Daily at a time of Europe/Paris: the two UTC hours (UTC+1 in winter, UTC+2 in summer). */
function dailyInParis(identifier: string, task: TaskName, time: ParisTime): Schedule {
  const utcHours = [(time.hour + 22) % 24, (time.hour + 23) % 24].sort((a, b) => a - b);
  return { identifier, task, match: `${time.minute} ${utcHours.join(",")} * * *`, parisTime: time, backfillMs: 12 * HOUR_MS };
}

export const SCHEDULES: readonly Schedule[] = [
  dailyInParis("certificate-expiry-watch", TASKS.certificateExpiryWatch, { hour: 6, minute: 0 }),
  dailyInParis("housekeeping", TASKS.housekeeping, { hour: 3, minute: 30 }),
  { identifier: "attestation-reminders", task: TASKS.attestationReminders, match: "15 * * * *", backfillMs: 2 * HOUR_MS },
  { identifier: "mail-sweep", task: TASKS.sweepMail, match: "*/10 * * * *", backfillMs: 0 },
  { identifier: "webhook-sweep", task: TASKS.sweepWebhooks, match: "* * * * *", backfillMs: 0 },
  // The statistics' rows follow the event log (ADR 0036); a missed run is caught up by the next one.
  { identifier: "statistics-refresh", task: TASKS.statisticsRefresh, match: "5,15,25,35,45,55 * * * *", backfillMs: 0 },
  // Join requests unanswered for 15 days go to ANS (ADR 0057).
  dailyInParis("join-request-escalation", TASKS.joinRequestEscalation, { hour: 7, minute: 0 }),
];

const parisClock = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** The hour and minute of `instant` in Europe/Paris. */
export function parisTimeOf(instant: Date): ParisTime {
  const parts = parisClock.formatToParts(instant);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { hour: value("hour"), minute: value("minute") };
}

export function isAtParisTime(instant: Date, time: ParisTime): boolean {
  const local = parisTimeOf(instant);
  return local.hour === time.hour && local.minute === time.minute;
}

/** Whether a run the cron scheduled for `scheduledAt` is the one meant for its Paris time (always, for the others). */
export function isDueRun(schedule: Schedule | undefined, scheduledAt: Date | null): boolean {
  if (!schedule?.parisTime) return true;
  return scheduledAt !== null && isAtParisTime(scheduledAt, schedule.parisTime);
}
