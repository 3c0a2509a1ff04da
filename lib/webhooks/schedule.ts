import { retryScheduleFrom, type RetrySchedule } from "../mail/retry";

// Pure: when a failed delivery is tried again (ADR 0032), with the mail's backoff (exponential, equal jitter, within a
// window opened by the first failure): 30 s, doubling up to 2 hours, for 24 hours — the last try comes 22 to 24 hours
// after the first failure, 19 tries in all. The tests compress it to fractions of a second.

export const DEFAULT_WEBHOOK_RETRY_SCHEDULE: RetrySchedule = { firstDelayMs: 30_000, maxDelayMs: 2 * 60 * 60_000, windowMs: 24 * 60 * 60_000 };

/** Failed tries in a row, any delivery of the subscription, after which it is disabled and administrators are told. */
export const DISABLE_AFTER_FAILURES = 50;

/** Attempts of the job itself (a crash, the database away); HTTP failures are retried by the schedule instead. */
export const WEBHOOK_JOB_MAX_ATTEMPTS = 25;

/** One waiting job per delivery. */
export const webhookJobKey = (deliveryId: string) => `webhook:${deliveryId}`;
/** One waiting dispatcher at most (the same key as in the trigger on Event). */
export const DISPATCH_JOB_KEY = "webhooks:dispatch";

/** The schedule from WEBHOOK_RETRY_* (seconds), each defaulting to DEFAULT_WEBHOOK_RETRY_SCHEDULE. */
export function webhookRetryScheduleFrom(values: { firstDelaySeconds?: number; maxDelaySeconds?: number; windowSeconds?: number }): RetrySchedule {
  const d = DEFAULT_WEBHOOK_RETRY_SCHEDULE;
  return retryScheduleFrom({
    firstDelaySeconds: values.firstDelaySeconds ?? d.firstDelayMs / 1000,
    maxDelaySeconds: values.maxDelaySeconds ?? d.maxDelayMs / 1000,
    windowSeconds: values.windowSeconds ?? d.windowMs / 1000,
  });
}
