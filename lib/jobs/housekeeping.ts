// Pure: how long each kind of record is kept before the daily housekeeping removes it.

import { DAY_MS, HOUR_MS } from "../vocabulary";

/** Sign-in attempts count over 15 minutes (lib/auth/sign-in-limit.ts): a day is kept, for investigation. */
export const SIGN_IN_ATTEMPTS_KEPT_MS = DAY_MS;
/** API rate windows are one minute long: an hour is plenty. */
export const RATE_WINDOWS_KEPT_MS = HOUR_MS;
/** Anonymous request windows (lib/anonymous-limit.ts) are at most an hour long and hold client addresses: a day. */
export const ANONYMOUS_WINDOWS_KEPT_MS = DAY_MS;
/**
 * Single-use links (invitations, signing links, account links) are kept 30 days past their expiry, so a late click
 * still says "expired".
 */
export const EXPIRED_LINKS_KEPT_MS = 30 * DAY_MS;

export type RetentionSettings = { apiCallRetentionDays: number; personalDataRetentionDays: number };

export type HousekeepingCutoffs = {
  apiCallsBefore: Date;
  /** Sign-in attempts, and sign-up / recovery / invitation requests counted per address (1 hour): a day is kept. */
  signInAttemptsBefore: Date;
  rateWindowsBefore: Date;
  anonymousWindowsBefore: Date;
  linksExpiredBefore: Date;
  personalDataBefore: Date;
};

export function housekeepingCutoffs(now: Date, settings: RetentionSettings): HousekeepingCutoffs {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    apiCallsBefore: before(settings.apiCallRetentionDays * DAY_MS),
    signInAttemptsBefore: before(SIGN_IN_ATTEMPTS_KEPT_MS),
    rateWindowsBefore: before(RATE_WINDOWS_KEPT_MS),
    anonymousWindowsBefore: before(ANONYMOUS_WINDOWS_KEPT_MS),
    linksExpiredBefore: before(EXPIRED_LINKS_KEPT_MS),
    personalDataBefore: before(settings.personalDataRetentionDays * DAY_MS),
  };
}
