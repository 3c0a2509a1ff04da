import "server-only";
import { ANONYMOUS, userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { db } from "../db.server";
import type { RequestContext } from "../request.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { openSession } from "./sessions.server";
import { signInSchema } from "./sign-in-schema";
import { decideSignIn, emailKey, SIGN_IN_LIMITS, windowStart, type RecentFailures, type SignInLimits } from "./sign-in-limit";

export type AuthenticationResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; scope: "pair" | "ip"; retryAfterSeconds: number };

export type AuthenticateOptions = {
  now?: Date;
  /** The limit profile; production's by default. Tests pass a smaller one. */
  limits?: SignInLimits;
};

type Reservation = { attemptId: bigint; failures: RecentFailures } | { refused: { scope: "pair" | "ip"; retryAfterSeconds: number } };

/**
 * Decides atomically whether this attempt may be evaluated and, if so, reserves it as a PENDING attempt (counted
 * as a failure until settled). Reservations from one client address are serialised by a transaction-scoped
 * advisory lock on that address, which covers both the address's count and every (account, address) pair from it:
 * however many attempts arrive at once, no more are evaluated than the limits allow. The lock is held for a few
 * queries, never during the password check.
 */
export async function reserveAttempt(key: string, ip: string, now: Date, limits: SignInLimits): Promise<Reservation> {
  const since = windowStart(now, limits);
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${ip}`}, 0))`;
      const rows = await tx.$queryRaw<{ pair: number; pairLatestAt: Date | null; ip: number; ipLimitingAt: Date | null }[]>`
        WITH pair_success AS (
          SELECT max("attemptedAt") AS "at" FROM "SignInAttempt"
          WHERE "emailKey" = ${key} AND "ip" = ${ip} AND "outcome" = 'SUCCEEDED' AND "attemptedAt" >= ${since}
        ),
        pair AS (
          SELECT count(*)::int AS "n", max(a."attemptedAt") AS "latest" FROM "SignInAttempt" a, pair_success s
          WHERE a."emailKey" = ${key} AND a."ip" = ${ip} AND a."outcome" <> 'SUCCEEDED' AND a."attemptedAt" >= ${since}
            AND (s."at" IS NULL OR a."attemptedAt" > s."at")
        ),
        address AS (
          SELECT count(*)::int AS "n" FROM "SignInAttempt"
          WHERE "ip" = ${ip} AND "outcome" <> 'SUCCEEDED' AND "attemptedAt" >= ${since}
        ),
        limiting AS (
          SELECT "attemptedAt" AS "at" FROM "SignInAttempt"
          WHERE "ip" = ${ip} AND "outcome" <> 'SUCCEEDED' AND "attemptedAt" >= ${since}
          ORDER BY "attemptedAt" DESC OFFSET ${limits.maxFailuresPerIp - 1} LIMIT 1
        )
        SELECT pair."n" AS "pair", pair."latest" AS "pairLatestAt", address."n" AS "ip", (SELECT "at" FROM limiting) AS "ipLimitingAt"
        FROM pair, address`;
      const failures = rows[0]!;
      const decision = decideSignIn(failures, now, limits);
      if (!decision.allowed) return { refused: { scope: decision.scope, retryAfterSeconds: decision.retryAfterSeconds } };
      const attempt = await tx.signInAttempt.create({ data: { emailKey: key, ip, outcome: "PENDING", attemptedAt: now }, select: { id: true } });
      return { attemptId: attempt.id, failures };
    },
    // Attempts from one address queue behind its lock: give them time rather than fail.
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/**
 * Checks e-mail and password, and opens a session on success. The answer never tells whether the e-mail exists:
 * unknown accounts, wrong passwords and disabled accounts all give "invalid_credentials" after the same work.
 * An attempt refused by a limit is not evaluated and writes nothing (ADR 0016).
 */
export async function authenticate(raw: unknown, request: RequestContext, options: AuthenticateOptions = {}): Promise<AuthenticationResult> {
  const now = options.now ?? new Date();
  const limits = options.limits ?? SIGN_IN_LIMITS;
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const key = emailKey(parsed.data.email);

  const reservation = await reserveAttempt(key, request.ip, now, limits);
  if ("refused" in reservation) return { ok: false, reason: "rate_limited", ...reservation.refused };

  const user = await db().user.findUnique({
    where: { email: key },
    select: { id: true, passwordHash: true, status: true, roles: true, mustChangePassword: true, oneTimePasswordUsedAt: true },
  });
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : (await verifyAgainstDummy(parsed.data.password), false);
  // A one-time password opens one session, its first (ADR 0022); after that it is as wrong as any other.
  const oneTimeSpent = user?.mustChangePassword === true && user.oneTimePasswordUsedAt !== null;
  const passes = passwordMatches && user?.status === "ACTIVE" && !oneTimeSpent;

  return db().$transaction(async (tx): Promise<AuthenticationResult> => {
    let succeeded = passes;
    if (succeeded && user!.mustChangePassword) {
      // Conditional: of two concurrent sign-ins with the same one-time password, one opens a session.
      const { count } = await tx.user.updateMany({
        where: { id: user!.id, mustChangePassword: true, oneTimePasswordUsedAt: null },
        data: { oneTimePasswordUsedAt: now },
      });
      succeeded = count === 1;
    }
    await tx.signInAttempt.update({ where: { id: reservation.attemptId }, data: { outcome: succeeded ? "SUCCEEDED" : "FAILED" } });
    if (succeeded) {
      const sessionId = await openSession(tx, user!, request, now);
      await recordEvent(tx, { name: "user.signed_in", actor: userActor(user!.id), subjectId: user!.id, request, payload: {} });
      return { ok: true, userId: user!.id, sessionId };
    }
    await recordEvent(tx, { name: "user.sign_in_failed", actor: ANONYMOUS, subjectId: user?.id, request, payload: {}, personal: { email: key } });
    // One marker when this failure brings a limit into force (not one per refused attempt, which write nothing).
    const { failures } = reservation;
    const scope = failures.ip + 1 === limits.maxFailuresPerIp ? "ip" : failures.pair + 1 === limits.freeFailuresPerPair ? "pair" : null;
    if (scope) {
      await recordEvent(tx, { name: "user.sign_in_rate_limited", actor: ANONYMOUS, subjectId: user?.id, request, payload: { scope }, personal: { email: key } });
    }
    return { ok: false, reason: "invalid_credentials" };
  });
}

export type PasswordCheck = { ok: true } | { ok: false; reason: "wrong_password" } | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks the current password of a signed-in person before a sensitive change (password, e-mail), under the same
 * limits as sign-in: a wrong one counts as a failure of the (account, address) pair, so a session left open cannot
 * be used to guess the password faster than the sign-in form allows (ADR 0016).
 */
export async function checkCurrentPassword(
  user: { email: string; passwordHash: string },
  password: string,
  request: RequestContext,
  options: AuthenticateOptions = {},
): Promise<PasswordCheck> {
  const now = options.now ?? new Date();
  const limits = options.limits ?? SIGN_IN_LIMITS;
  const reservation = await reserveAttempt(emailKey(user.email), request.ip, now, limits);
  if ("refused" in reservation) return { ok: false, reason: "rate_limited", retryAfterSeconds: reservation.refused.retryAfterSeconds };
  const matches = await verifyPassword(user.passwordHash, password);
  await db().signInAttempt.update({ where: { id: reservation.attemptId }, data: { outcome: matches ? "SUCCEEDED" : "FAILED" } });
  return matches ? { ok: true } : { ok: false, reason: "wrong_password" };
}
