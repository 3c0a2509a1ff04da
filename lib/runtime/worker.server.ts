import "server-only";
// The background worker (ADR 0017): graphile-worker on the portal's PostgreSQL. Runs inside `npm start` by default
// and alone as `npm run worker`. Any number of workers may share one database: each job is locked by one of them
// (at-least-once delivery, never two at a time), and each cron occurrence is scheduled once across all of them.
import { parseCronItems, run, type Runner, type Task, type TaskList } from "graphile-worker";
import pg from "pg";
import { runAttestationReminders } from "../attestations/reminders.server";
import { env } from "../env.server";
import { deliverMessage, type DeliveryConfig } from "../mail/delivery.server";
import { retryScheduleFrom, type RetrySchedule } from "../mail/retry";
import { sweepMail } from "../mail/sweep.server";
import { smtpTransport, type MailTransport } from "../mail/transport.server";
import { runCertificateExpiryWatch } from "../whitelist/expiry-job.server";
import { runHousekeeping } from "../jobs/housekeeping.server";
import { escalateUnansweredJoinRequests } from "../organizations/squatting.server";
import { refreshStatistics } from "../statistics/refresh.server";
import { workerLogger } from "../jobs/logger";
import { JOB_SCHEMA, jobSchemaProblem } from "../jobs/schema.server";
import { isDueRun, SCHEDULES, TASKS, type Schedule, type TaskName } from "../jobs/schedules";
import { networkConfigFromEnv, webhookRetryScheduleFromEnv } from "../webhooks/config.server";
import { deliverWebhook, type WebhookDeliveryConfig } from "../webhooks/delivery.server";
import { dispatchWebhooks, sweepWebhooks } from "../webhooks/dispatch.server";
import { logger } from "../observability/logger";

export type WorkerOptions = {
  databaseUrl: string;
  /** Jobs run at once (WORKER_CONCURRENCY by default). */
  concurrency?: number;
  /** SMTP_URL by default; null: no SMTP, messages stay in the development mailbox. */
  smtpUrl?: string | null;
  /** Or a transport of one's own (tests). */
  transport?: MailTransport;
  /** MAIL_RETRY_* by default. */
  retrySchedule?: RetrySchedule;
  /** The recurring jobs: SCHEDULES by default, none with false (or a list of one's own, in tests). */
  schedules?: false | readonly Schedule[];
  /** Webhook deliveries: WEBHOOK_ALLOW_LOOPBACK and WEBHOOK_RETRY_* by default (tests: a compressed schedule, a CA). */
  webhooks?: Partial<WebhookDeliveryConfig>;
  /** How often an idle worker looks for jobs besides the engine's notifications (ms). */
  pollInterval?: number;
  /** How often jobs locked by a worker that died are looked for (ms; the engine releases them after 4 hours). */
  resetLockedInterval?: number;
  logPrefix?: string;
};

export class WorkerStartError extends Error {}

function cronInstant(payload: unknown): Date | null {
  const ts = (payload as { _cron?: { ts?: unknown } } | null)?._cron?.ts;
  const date = typeof ts === "string" ? new Date(ts) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** A recurring job's run does nothing when its scheduled instant is not its Paris time (see schedules.ts). */
function scheduled(task: TaskName, body: (at: Date) => Promise<void>): Task {
  const schedule = SCHEDULES.find((s) => s.task === task);
  return async (payload) => {
    const at = cronInstant(payload);
    if (!isDueRun(schedule, at)) return;
    await body(at ?? new Date());
  };
}

/** The webhook deliveries' settings: the options given, the environment for the rest. */
export function webhookDeliveryConfig(options: Partial<WebhookDeliveryConfig> = {}): WebhookDeliveryConfig {
  return { ...networkConfigFromEnv(), schedule: options.schedule ?? webhookRetryScheduleFromEnv(), ...options };
}

export function taskList(delivery: DeliveryConfig, webhooks: WebhookDeliveryConfig = webhookDeliveryConfig()): TaskList {
  return {
    [TASKS.sendMail]: async (payload) => {
      const id = (payload as { id?: unknown } | null)?.id;
      if (typeof id === "string") await deliverMessage(id, delivery);
    },
    [TASKS.sweepMail]: async () => {
      await sweepMail();
    },
    [TASKS.certificateExpiryWatch]: scheduled(TASKS.certificateExpiryWatch, async (at) => {
      const { notices, expired } = await runCertificateExpiryWatch(at);
      if (notices + expired > 0) logger().info({ notices, expired }, `Certificats : ${notices} avis d'expiration, ${expired} certificat(s) expiré(s) retiré(s).`);
    }),
    [TASKS.housekeeping]: scheduled(TASKS.housekeeping, async (at) => {
      await runHousekeeping(at);
    }),
    [TASKS.joinRequestEscalation]: scheduled(TASKS.joinRequestEscalation, async (at) => {
      const { escalated } = await escalateUnansweredJoinRequests(at);
      if (escalated > 0) logger().info({ escalated }, `Rattachements : ${escalated} demande(s) sans réponse depuis 15 jours transmise(s) à l'ANS.`);
    }),
    [TASKS.attestationReminders]: async () => {
      await runAttestationReminders(new Date());
    },
    [TASKS.dispatchWebhooks]: async () => {
      await dispatchWebhooks();
    },
    [TASKS.deliverWebhook]: async (payload) => {
      const id = (payload as { id?: unknown } | null)?.id;
      if (typeof id === "string") await deliverWebhook(id, webhooks);
    },
    [TASKS.sweepWebhooks]: async () => {
      await sweepWebhooks();
    },
    [TASKS.statisticsRefresh]: async () => {
      await refreshStatistics();
    },
  };
}

export type RunningWorker = { runner: Runner; stop: () => Promise<void> };

/** Starts a worker; refuses when the job schema is not installed (the migration step installs it, not the worker). */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const problem = await jobSchemaProblem(options.databaseUrl);
  if (problem) throw new WorkerStartError(`Tâches de fond : ${problem}`);
  const config = env();
  const smtpUrl = options.smtpUrl === undefined ? (config.SMTP_URL ?? null) : options.smtpUrl;
  const concurrency = options.concurrency ?? config.WORKER_CONCURRENCY;
  // One SMTP connection per job slot, at most 10 (servers limit connections per client).
  const transport = options.transport ?? (smtpUrl ? smtpTransport(smtpUrl, { maxConnections: Math.min(concurrency, 10) }) : null);
  const delivery: DeliveryConfig = {
    transport,
    from: config.MAIL_FROM,
    replyTo: config.MAIL_REPLY_TO,
    schedule:
      options.retrySchedule ??
      retryScheduleFrom({
        firstDelaySeconds: config.MAIL_RETRY_FIRST_DELAY_SECONDS,
        maxDelaySeconds: config.MAIL_RETRY_MAX_DELAY_SECONDS,
        windowSeconds: config.MAIL_RETRY_WINDOW_SECONDS,
      }),
  };
  // The worker's own pool, ended (and awaited) after the runner stops: the engine does not wait for the pool it would
  // make itself, whose connections then fail unhandled when the database stops right after.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: concurrency + 2 });
  let stopping = false;
  // Once stopping, the database going away too (Ctrl-C reaches the embedded PostgreSQL as well) is expected.
  const lost = (error: Error) => {
    if (!stopping) logger().error({ component: "tâches", error: error.message }, "Tâches de fond : connexion à la base perdue.");
  };
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  const runner = await run(
    {
      pgPool: pool,
      schema: JOB_SCHEMA,
      concurrency,
      pollInterval: options.pollInterval ?? 2000,
      noHandleSignals: true,
      logger: workerLogger(options.logPrefix),
      ...(options.resetLockedInterval ? { minResetLockedInterval: options.resetLockedInterval, maxResetLockedInterval: options.resetLockedInterval + 1 } : {}),
      gracefulShutdownAbortTimeout: 30_000,
      // Fetch a few jobs at a time rather than one per round trip (they stay locked to this worker meanwhile).
      preset: { worker: { localQueue: { size: concurrency * 2, ttl: 60_000 } } },
    },
    taskList(delivery, webhookDeliveryConfig(options.webhooks)),
    options.schedules === false
      ? []
      : parseCronItems((options.schedules ?? SCHEDULES).map((s) => ({ task: s.task, match: s.match, identifier: s.identifier, options: { backfillPeriod: s.backfillMs, maxAttempts: 5 } }))),
  ).catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  let stopped: Promise<void> | undefined;
  return {
    runner,
    stop: () => {
      if (!stopped) {
        stopping = true;
        stopped = runner
          .stop()
          .catch(() => undefined)
          .finally(async () => {
            if (!options.transport) transport?.close();
            await pool.end().catch(() => undefined);
          });
      }
      return stopped;
    },
  };
}
