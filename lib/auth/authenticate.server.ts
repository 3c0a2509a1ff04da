import { recordEvent } from "../events/record.server";
import { ANONYMOUS, userActor } from "../events/actor";
import { db } from "../db.server";
import type { RequestContext } from "../request.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { signInSchema } from "./sign-in-schema";
import { emailKey, isSignInBlocked, windowStart } from "./sign-in-limit";

export type AuthenticationResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid_credentials" | "rate_limited" };

/**
 * Checks e-mail and password. The answer never tells whether the e-mail exists: unknown accounts,
 * wrong passwords and disabled accounts all give "invalid_credentials" after the same work.
 */
export async function authenticate(
  raw: unknown,
  request: RequestContext,
  now: Date = new Date(),
): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const key = emailKey(parsed.data.email);
  const since = windowStart(now);

  // A successful sign-in clears the account's earlier failures.
  const lastSuccess = await db().signInAttempt.findFirst({
    where: { emailKey: key, succeeded: true, attemptedAt: { gte: since } },
    orderBy: { attemptedAt: "desc" },
    select: { attemptedAt: true },
  });
  const accountSince = lastSuccess?.attemptedAt ?? since;
  const [forAccount, forIp] = await Promise.all([
    db().signInAttempt.count({ where: { emailKey: key, succeeded: false, attemptedAt: { gt: accountSince } } }),
    db().signInAttempt.count({ where: { ip: request.ip, succeeded: false, attemptedAt: { gte: since } } }),
  ]);
  if (isSignInBlocked({ forAccount, forIp })) {
    await db().$transaction(async (tx) => {
      await tx.signInAttempt.create({ data: { emailKey: key, ip: request.ip, succeeded: false, attemptedAt: now } });
      await recordEvent(tx, { name: "user.sign_in_rate_limited", actor: ANONYMOUS, request, payload: {}, personal: { email: key } });
    });
    return { ok: false, reason: "rate_limited" };
  }

  const user = await db().user.findUnique({ where: { email: key } });
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : (await verifyAgainstDummy(parsed.data.password), false);
  const succeeded = passwordMatches && user?.status === "ACTIVE";

  await db().$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { emailKey: key, ip: request.ip, succeeded, attemptedAt: now } });
    if (succeeded) await recordEvent(tx, { name: "user.signed_in", actor: userActor(user!.id), subjectId: user!.id, request, payload: {} });
    else await recordEvent(tx, { name: "user.sign_in_failed", actor: ANONYMOUS, subjectId: user?.id, request, payload: {}, personal: { email: key } });
  });
  return succeeded ? { ok: true, userId: user!.id } : { ok: false, reason: "invalid_credentials" };
}
