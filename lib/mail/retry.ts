// Pure: when to try a message again after a temporary failure. Exponential backoff with "equal jitter" (half the
// delay fixed, half random, so instances that failed together do not retry together), capped, within a window that
// starts at the first failure: the last try happens between `windowMs - maxDelayMs` and `windowMs` after it.

export type RetrySchedule = {
  /** Delay after the first failure. */
  firstDelayMs: number;
  /** No delay is longer than this. */
  maxDelayMs: number;
  /** How long after the first failure the message is still retried; after that it has failed for good. */
  windowMs: number;
};

/** 1 minute, doubling up to 1 hour, for 25 hours: the last try comes 24 to 25 hours after the first failure. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { firstDelayMs: 60_000, maxDelayMs: 60 * 60_000, windowMs: 25 * 60 * 60_000 };

/** The delay before the try that follows the `failures`-th failure (1 for the first), jitter drawn from `random`. */
export function retryDelayMs(failures: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 40);
  const nominal = Math.min(schedule.firstDelayMs * 2 ** exponent, schedule.maxDelayMs);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/**
 * After a temporary failure: the time of the next try, or null when it would fall outside the window (the message
 * has then failed for good). `retryUntil` is the window's end, set at the first failure.
 */
export function nextAttemptAt(input: { failures: number; now: Date; retryUntil: Date; schedule: RetrySchedule; random?: () => number }): Date | null {
  const next = new Date(input.now.getTime() + retryDelayMs(input.failures, input.schedule, input.random));
  return next.getTime() <= input.retryUntil.getTime() ? next : null;
}

/** The nominal tries a schedule gives over its window (without jitter), for documentation and tests. */
export function nominalAttempts(schedule: RetrySchedule): number {
  let elapsed = 0;
  let attempts = 1;
  for (let failures = 1; ; failures++) {
    const delay = Math.min(schedule.firstDelayMs * 2 ** Math.min(failures - 1, 40), schedule.maxDelayMs);
    if (elapsed + delay > schedule.windowMs) return attempts;
    elapsed += delay;
    attempts++;
  }
}

/** The schedule from MAIL_RETRY_* (seconds), each defaulting to DEFAULT_RETRY_SCHEDULE. */
export function retryScheduleFrom(values: { firstDelaySeconds?: number; maxDelaySeconds?: number; windowSeconds?: number }): RetrySchedule {
  const schedule = {
    firstDelayMs: values.firstDelaySeconds !== undefined ? values.firstDelaySeconds * 1000 : DEFAULT_RETRY_SCHEDULE.firstDelayMs,
    maxDelayMs: values.maxDelaySeconds !== undefined ? values.maxDelaySeconds * 1000 : DEFAULT_RETRY_SCHEDULE.maxDelayMs,
    windowMs: values.windowSeconds !== undefined ? values.windowSeconds * 1000 : DEFAULT_RETRY_SCHEDULE.windowMs,
  };
  return { ...schedule, maxDelayMs: Math.max(schedule.maxDelayMs, schedule.firstDelayMs) };
}
