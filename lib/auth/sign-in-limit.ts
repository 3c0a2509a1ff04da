// Pure rate-limit rule for sign-in. The counts come from Postgres so the limit holds across instances.

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export type RecentFailures = { forAccount: number; forIp: number };

export function isSignInBlocked(failures: RecentFailures): boolean {
  return failures.forAccount >= MAX_FAILURES_PER_ACCOUNT || failures.forIp >= MAX_FAILURES_PER_IP;
}

export function windowStart(now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
}

/** Accounts are keyed by their normalised e-mail, whether or not they exist. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
