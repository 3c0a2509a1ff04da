import "server-only";
// The per-address limits of the anonymous endpoints (ADR 0027): one round trip counts the request in its window and
// reads the previous window; the pure rule (anonymous-limit.ts) decides. Any endpoint anybody may call without
// signing in calls `enforceAnonymousLimit` (or `anonymousLimitResponse` in a route handler) before doing its work.
import { ANONYMOUS_LIMITS, anonymousRefusalMessage, decideAnonymous, scaledLimit, windowStartOf, type AnonymousDecision, type AnonymousLimit, type AnonymousScope } from "./anonymous-limit";
import { db } from "./db.server";
import { env } from "./env.server";
import { AppError } from "./errors";
import { problemResponse } from "./http-problem";
import { currentRequestContext, type RequestContext } from "./request.server";

/** A limit refused the request: the French message says how long to wait. */
export class AnonymousLimitReached extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", anonymousRefusalMessage(retryAfterSeconds));
    this.name = "AnonymousLimitReached";
  }
}

export function isAnonymousLimitReached(error: unknown): error is AnonymousLimitReached {
  return error instanceof AnonymousLimitReached;
}

/** The limit in force for a scope: the table's, scaled by ANONYMOUS_LIMITS_MULTIPLIER. */
export function anonymousLimitOf(scope: AnonymousScope): AnonymousLimit {
  return scaledLimit(ANONYMOUS_LIMITS[scope], env().ANONYMOUS_LIMITS_MULTIPLIER);
}

/** Counts one request of `address` in `scope` and says whether it may go on. `limit` is for tests. */
export async function hitAnonymousLimit(scope: AnonymousScope, address: string, options: { now?: Date; limit?: AnonymousLimit } = {}): Promise<AnonymousDecision> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? anonymousLimitOf(scope);
  const start = windowStartOf(now, limit);
  const previousStart = new Date(start.getTime() - limit.windowSeconds * 1000);
  const rows = await db().$queryRaw<{ current: number; previous: number }[]>`
    WITH hit AS (
      INSERT INTO "AnonymousRequestWindow" ("scope", "address", "windowStart", "count") VALUES (${scope}, ${address}, ${start}, 1)
      ON CONFLICT ("scope", "address", "windowStart") DO UPDATE SET "count" = "AnonymousRequestWindow"."count" + 1
      RETURNING "count")
    SELECT (SELECT "count" FROM hit) AS "current",
           COALESCE((SELECT "count" FROM "AnonymousRequestWindow" WHERE "scope" = ${scope} AND "address" = ${address} AND "windowStart" = ${previousStart}), 0) AS "previous"`;
  const row = rows[0]!;
  return decideAnonymous({ current: Number(row.current), previous: Number(row.previous) }, now, limit);
}

/** Throws AnonymousLimitReached (an AppError RATE_LIMITED, shown as the form's error) past the limit. */
export async function enforceAnonymousLimit(scope: AnonymousScope, request: Pick<RequestContext, "ip">, options: { now?: Date; limit?: AnonymousLimit } = {}): Promise<void> {
  const decision = await hitAnonymousLimit(scope, request.ip, options);
  if (!decision.allowed) throw new AnonymousLimitReached(decision.retryAfterSeconds);
}

/** For route handlers: null when the request may go on, else the 429 problem with Retry-After. */
export async function anonymousLimitResponse(scope: AnonymousScope, request: Pick<RequestContext, "ip">, options: { now?: Date; limit?: AnonymousLimit } = {}): Promise<Response | null> {
  const decision = await hitAnonymousLimit(scope, request.ip, options);
  if (decision.allowed) return null;
  return tooManyRequests(decision.retryAfterSeconds);
}

/** The 429 problem (RFC 9457) with its French detail and Retry-After. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return problemResponse(429, "Trop de demandes", anonymousRefusalMessage(retryAfterSeconds), { headers: { "Retry-After": String(retryAfterSeconds) } });
}

/**
 * For pages (which cannot answer 429): counts this request and returns the French refusal to show instead of the
 * page, or null. Nothing else of the page is read when it is refused.
 */
export async function anonymousLimitRefusal(scope: AnonymousScope): Promise<string | null> {
  const decision = await hitAnonymousLimit(scope, (await currentRequestContext()).ip);
  return decision.allowed ? null : anonymousRefusalMessage(decision.retryAfterSeconds);
}
