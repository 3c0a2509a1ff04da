// Pure: the per-address limits of the endpoints anybody may call without signing in (ADR 0027). Requests are counted
// per (scope, client address) in fixed windows kept in PostgreSQL, so that the limits hold across instances; the
// decision weighs the previous window by how much of it still overlaps the sliding window ending now (the "sliding
// window counter"), so that a burst across a window boundary gets no double allowance.

export type AnonymousLimit = {
  /** Requests allowed over any sliding window of `windowSeconds`. */
  max: number;
  windowSeconds: number;
};

/** The anonymous endpoints and their limits. Recovery (accounts issue) calls the same limiter with its own scope. */
export const ANONYMOUS_LIMITS = {
  /** The public verification of a sealed attestation: a PDF read, its seal checked, a malware scan. */
  verification: { max: 30, windowSeconds: 60 },
  /** Editor sign-up: creates an account and an organisation. */
  signUp: { max: 10, windowSeconds: 3600 },
  /** Password recovery requests. */
  recovery: { max: 10, windowSeconds: 3600 },
  /** The client signatory's page, its PDF and its sign / decline forms, reached by a personal link. */
  signingLink: { max: 60, windowSeconds: 600 },
  /** Invitation links (organisation members). */
  invitation: { max: 60, windowSeconds: 600 },
  /** The company-register lookup behind the sign-up form's SIRET field (ADR 0049). */
  registerLookup: { max: 30, windowSeconds: 600 },
  /** Calls to the machine API without a valid token. */
  apiWithoutToken: { max: 20, windowSeconds: 60 },
} as const satisfies Record<string, AnonymousLimit>;

export type AnonymousScope = keyof typeof ANONYMOUS_LIMITS;

/** The limits multiplied by ANONYMOUS_LIMITS_MULTIPLIER (1 in production; more where many clients share one address). */
export function scaledLimit(limit: AnonymousLimit, multiplier: number): AnonymousLimit {
  return { max: Math.max(1, Math.floor(limit.max * multiplier)), windowSeconds: limit.windowSeconds };
}

/** The start of the fixed window that holds `now`. */
export function windowStartOf(now: Date, limit: AnonymousLimit): Date {
  const size = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

export type WindowCounts = {
  /** Requests in the current fixed window, this one included. */
  current: number;
  /** Requests in the window before it. */
  previous: number;
};

export type AnonymousDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How far into its fixed window `now` is, from 0 to 1. */
function elapsedFraction(now: Date, limit: AnonymousLimit): number {
  const size = limit.windowSeconds * 1000;
  return (now.getTime() - windowStartOf(now, limit).getTime()) / size;
}

/** The requests counted over the sliding window ending now. */
export function slidingCount(counts: WindowCounts, now: Date, limit: AnonymousLimit): number {
  return counts.previous * (1 - elapsedFraction(now, limit)) + counts.current;
}

/**
 * Whether this request (already counted in `current`) may go on. Refused requests count too, so an address that
 * keeps hammering stays refused; one that stops is let through again once the window has slid past its requests.
 * `retryAfterSeconds` is when one more request would be allowed if none came meanwhile.
 */
export function decideAnonymous(counts: WindowCounts, now: Date, limit: AnonymousLimit): AnonymousDecision {
  if (slidingCount(counts, now, limit) <= limit.max) return { allowed: true };
  const size = limit.windowSeconds * 1000;
  const f = elapsedFraction(now, limit);
  // Within this window: previous × (1 − f′) + current + 1 ≤ max.
  const room = limit.max - counts.current - 1;
  let waitMs: number;
  if (room >= 0 && counts.previous > 0) {
    const fNeeded = 1 - room / counts.previous;
    waitMs = Math.max(0, (fNeeded - f) * size);
  } else {
    // In the next window this window's requests are the previous ones: current × (1 − f′) + 1 ≤ max.
    const untilNext = (1 - f) * size;
    const fNext = counts.current > 0 ? Math.max(0, 1 - (limit.max - 1) / counts.current) : 0;
    waitMs = untilNext + fNext * size;
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** "Trop de demandes depuis votre adresse réseau. Réessayez dans 3 minutes." */
export function anonymousRefusalMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} seconde${retryAfterSeconds > 1 ? "s" : ""}`
      : `${Math.ceil(retryAfterSeconds / 60)} minute${Math.ceil(retryAfterSeconds / 60) > 1 ? "s" : ""}`;
  return `Trop de demandes depuis votre adresse réseau. Réessayez dans ${wait}.`;
}
