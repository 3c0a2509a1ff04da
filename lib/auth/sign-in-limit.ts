// Pure: the sign-in limits (ADR 0016). They protect passwords without letting anyone lock another person out:
// failures count per (account, client address) and per address, never per account alone. The counts come from
// PostgreSQL so the limits hold across instances.

export type SignInLimits = {
  /** Failures are counted over this sliding window. */
  windowMinutes: number;
  /** Failures of one (account, address) pair evaluated without delay. */
  freeFailuresPerPair: number;
  /** Longest delay between two attempts of a pair. */
  maxDelaySeconds: number;
  /** Failures from one address, all accounts together, before it gets 429. */
  maxFailuresPerIp: number;
};

export const SIGN_IN_LIMITS: SignInLimits = { windowMinutes: 15, freeFailuresPerPair: 5, maxDelaySeconds: 30, maxFailuresPerIp: 100 };

/** What Postgres says about recent failures (pending attempts count as failures until they are settled). */
export type RecentFailures = {
  /** Failures of this (account, address) pair in the window, since the pair's last success. */
  pair: number;
  /** When the pair's latest failure happened. */
  pairLatestAt: Date | null;
  /** Failures from this address in the window, all accounts together. */
  ip: number;
  /**
   * When the address's `maxFailuresPerIp`-th most recent failure happened (null under the limit): the address is
   * let through again once it leaves the window.
   */
  ipLimitingAt: Date | null;
};

export type SignInDecision =
  | { allowed: true }
  | { allowed: false; scope: "pair" | "ip"; retryAfterSeconds: number };

/** Delay imposed after `failures` failures of a pair: none for the first ones, then 2^(n−5) s, capped. */
export function pairDelaySeconds(failures: number, limits: SignInLimits = SIGN_IN_LIMITS): number {
  if (failures < limits.freeFailuresPerPair) return 0;
  return Math.min(2 ** (failures - limits.freeFailuresPerPair), limits.maxDelaySeconds);
}

/**
 * May this attempt be evaluated? A pair or an address with no failure is always let through: a correct password
 * from an address that has not failed is never delayed or refused.
 */
export function decideSignIn(failures: RecentFailures, now: Date, limits: SignInLimits = SIGN_IN_LIMITS): SignInDecision {
  const address = decideAddressLimit({ count: failures.ip, limitingAt: failures.ipLimitingAt }, now, { windowMinutes: limits.windowMinutes, maxPerAddress: limits.maxFailuresPerIp });
  if (!address.allowed) return { allowed: false, scope: "ip", retryAfterSeconds: address.retryAfterSeconds };
  const delay = pairDelaySeconds(failures.pair, limits);
  if (delay > 0 && failures.pairLatestAt) {
    const until = failures.pairLatestAt.getTime() + delay * 1000;
    if (now.getTime() < until) return { allowed: false, scope: "pair", retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }
  return { allowed: true };
}

/** A limit on what one client address does over a sliding window (sign-in failures, sign-ups, recovery requests …). */
export type AddressLimit = { windowMinutes: number; maxPerAddress: number };

/**
 * May one more go from this address? `count` is what it did in the window; `limitingAt` when its `maxPerAddress`-th
 * most recent one happened (null under the limit): the address is let through again once that one leaves the window.
 */
export function decideAddressLimit(
  recent: { count: number; limitingAt: Date | null },
  now: Date,
  limit: AddressLimit,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  if (recent.count < limit.maxPerAddress) return { allowed: true };
  const until = (recent.limitingAt?.getTime() ?? now.getTime()) + limit.windowMinutes * 60_000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

export function windowStart(now: Date, limits: SignInLimits = SIGN_IN_LIMITS): Date {
  return new Date(now.getTime() - limits.windowMinutes * 60_000);
}

/** Accounts are keyed by their normalised e-mail, whether or not they exist. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** The French message of a refusal, with the wait rounded up. */
export function signInRefusalMessage(decision: { scope: "pair" | "ip"; retryAfterSeconds: number }): string {
  if (decision.scope === "ip") {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    return `Trop d'échecs de connexion depuis votre adresse réseau. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
  }
  const seconds = decision.retryAfterSeconds;
  return `Trop d'échecs de connexion pour ce compte depuis votre adresse réseau. Réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`;
}
