// Pure: when a client signatory who has not signed is reminded (ADR 0018). On day 3 and day 10 of their 14-day
// link, once each; a worker that was away sends only the latest reminder due, never two at once; none once the
// link has expired.

import { DAY_MS } from "../vocabulary";

export const REMINDER_DAYS = [3, 10] as const;

export function dueReminderDay(link: { sentAt: Date; expiresAt: Date }, now: Date, alreadySent: readonly number[]): number | null {
  if (now.getTime() >= link.expiresAt.getTime()) return null;
  const age = now.getTime() - link.sentAt.getTime();
  const due = REMINDER_DAYS.filter((day) => age >= day * DAY_MS).at(-1);
  if (due === undefined || alreadySent.some((day) => day >= due)) return null;
  return due;
}

/** A link is old enough for a first reminder from this instant on. */
export function earliestReminderSentBefore(now: Date): Date {
  return new Date(now.getTime() - REMINDER_DAYS[0] * DAY_MS);
}
