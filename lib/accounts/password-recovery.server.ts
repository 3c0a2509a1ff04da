import "server-only";
// Password recovery (ADR 0020): "Mot de passe oublié ?" gives the same answer, in about the same time, whether the
// address has an account or not; an account gets at most one link per 10 minutes, valid 1 hour, single use. Setting
// the new password ends every session of the account and tells its owner.
import { ANONYMOUS, userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import type { AddressLimit } from "../auth/sign-in-limit";
import { revokeUserSessions } from "../auth/sessions.server";
import { db } from "../db.server";
import { AppError } from "../errors";
import { queueMail } from "../mail/outbox.server";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { INVALID_FORM, invalidForm } from "../validation";
import { mayMailAgain } from "../auth/account-link";
import { consumeAccountLink, issueAccountLink, lastLinkSentAt, unusableLink, viewAccountLink, type LinkView } from "../auth/account-links.server";
import { recoveryRequestSchema } from "./account-schema";
import { markEmailVerified } from "../auth/verification-link.server";
import { passwordChangedMail, passwordResetMail } from "./mail-texts";
import { newPasswordSchema, PASSWORD_MESSAGES } from "./password-rules";
import { passwordProblem } from "./password-strength";
import { admitAccountRequest } from "./request-limit.server";

export const RECOVERY_PATH = "/mot-de-passe-oublie";

/**
 * Every request takes at least this long, whichever branch it took, so that the answer's timing does not tell an
 * address with an account (a transaction that queues a mail) from one without (a single read).
 */
export const RECOVERY_MIN_DURATION_MS = 400;

export type RecoveryOptions = { now?: Date; limit?: AddressLimit; minDurationMs?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a recovery link when the address belongs to an active account that has not had one in the last 10 minutes.
 * Returns whether a mail went, for tests only: the person is always told the same thing.
 */
export async function requestPasswordReset(raw: unknown, request: RequestContext, options: RecoveryOptions = {}): Promise<{ mailed: boolean }> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const parsed = recoveryRequestSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  await admitAccountRequest("PASSWORD_RECOVERY", request, now, options.limit);
  const { email } = parsed.data;
  try {
    return await db().$transaction(async (tx) => {
      // The row lock serialises concurrent requests for one account: one mail per window, however many arrive.
      const rows = await tx.$queryRaw<{ id: string; name: string; status: string }[]>`
        SELECT "id"::text AS "id", "name", "status"::text AS "status" FROM "User" WHERE "email" = ${email} FOR UPDATE`;
      const user = rows[0];
      if (!user || user.status !== "ACTIVE") return { mailed: false };
      if (!mayMailAgain(await lastLinkSentAt(tx, user.id, "RESET_PASSWORD"), now)) return { mailed: false };
      const link = await issueAccountLink(tx, { userId: user.id, purpose: "RESET_PASSWORD", email }, now);
      await queueMail(tx, { to: email, ...passwordResetMail({ name: user.name, link: portalLink(`${RECOVERY_PATH}/${link.token}`), expiresAt: link.expiresAt }) });
      await recordEvent(tx, { name: "user.password_reset_requested", actor: ANONYMOUS, subjectId: user.id, request, payload: {}, personal: { email } });
      return { mailed: true };
    });
  } finally {
    const remaining = (options.minDurationMs ?? RECOVERY_MIN_DURATION_MS) - (Date.now() - started);
    if (remaining > 0) await sleep(remaining);
  }
}

/** What the recovery link's page shows: whether the link can still be used, nothing about the account. */
export async function recoveryLinkView(token: unknown, now: Date = new Date()): Promise<LinkView> {
  return viewAccountLink(token, ["RESET_PASSWORD"], now);
}

/**
 * Sets the new password from a recovery link: the link is used once (a concurrent second use is told it is used),
 * every session of the account ends, the owner is told by mail, and the address counts as verified (the link came
 * through it). The new password must be strong and differ from the old one.
 */
export async function resetPassword(token: unknown, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<{ userId: string }> {
  const parsed = newPasswordSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  // The cheap checks first: a dead link, a weak password; the memory-hard work only then.
  const view = await recoveryLinkView(token, now);
  if (view.state !== "usable") throw unusableLink("RESET_PASSWORD", view.state);
  const owner = await db().user.findUniqueOrThrow({ where: { id: view.userId }, select: { name: true, email: true, passwordHash: true } });
  const weak = passwordProblem(parsed.data.password, [owner.name, owner.email]);
  if (weak) throw new AppError("VALIDATION", INVALID_FORM, { password: weak });
  if (await verifyPassword(owner.passwordHash, parsed.data.password)) throw new AppError("VALIDATION", INVALID_FORM, { password: PASSWORD_MESSAGES.unchanged });
  const passwordHash = await hashPassword(parsed.data.password);

  return db().$transaction(async (tx) => {
    const link = await consumeAccountLink(tx, token, ["RESET_PASSWORD"], now);
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { id: true, name: true, email: true, status: true, emailVerifiedAt: true } });
    if (user.status !== "ACTIVE" || user.email !== link.email) {
      throw new AppError("CONFLICT", "Ce lien de réinitialisation ne peut plus servir. Demandez un nouveau lien.");
    }
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, oneTimePasswordUsedAt: null } });
    await recordEvent(tx, { name: "user.password_reset", actor: userActor(user.id), subjectId: user.id, request, payload: {} });
    await markEmailVerified(tx, user, "password_reset", request, now);
    await revokeUserSessions(tx, { userId: user.id, reason: "PASSWORD_RESET", actorId: user.id, request }, now);
    // Any other pending recovery link dies with this one.
    await tx.accountLink.updateMany({ where: { userId: user.id, purpose: "RESET_PASSWORD", usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await queueMail(tx, { to: user.email, ...passwordChangedMail({ name: user.name, at: now, way: "recovery", recoveryLink: portalLink(RECOVERY_PATH) }) });
    return { userId: user.id };
  });
}
