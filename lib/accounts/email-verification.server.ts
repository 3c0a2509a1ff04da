// E-mail verification (ADR 0020): sign-up ends on "consultez votre messagerie"; the mailed link (single use, 24 hours)
// confirms the address and signs its owner in. Until then the account is held at its gate's page.
import { ANONYMOUS, userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { queueMail } from "../mail/outbox.server";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { openSession } from "../auth/sessions.server";
import type { PlatformRole } from "../auth/permissions";
import { MAIL_WINDOW_MS, mayMailAgain } from "./account-link";
import { consumeAccountLink, issueAccountLink, lastLinkSentAt } from "./account-links.server";
import { verificationMail } from "./mail-texts";

export const VERIFICATION_PATH = "/confirmation-adresse";

/** Issues a verification link and queues its mail, in the caller's transaction; older links of the account die. */
export async function sendVerification(
  tx: Tx,
  user: { id: string; email: string; name: string },
  input: { resent: boolean; request?: RequestContext; organizationId?: string },
  now: Date,
): Promise<{ token: string }> {
  const link = await issueAccountLink(tx, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email }, now);
  await queueMail(tx, { to: user.email, ...verificationMail({ name: user.name, link: portalLink(`${VERIFICATION_PATH}/${link.token}`), expiresAt: link.expiresAt }) });
  await recordEvent(tx, {
    name: "user.verification_sent",
    actor: input.resent ? userActor(user.id) : ANONYMOUS,
    subjectId: user.id,
    organizationId: input.organizationId,
    request: input.request,
    payload: { resent: input.resent },
    personal: { email: user.email },
  });
  return { token: link.token };
}

function waitMessage(lastSentAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lastSentAt.getTime() + MAIL_WINDOW_MS - now.getTime()) / 60_000));
  return `Un lien vous a été envoyé il y a moins de 10 minutes : consultez votre messagerie, y compris le dossier des indésirables. Vous pourrez en demander un autre dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}

/** "Renvoyer le lien", from the gate's page: a new link (the previous one dies), one per 10 minutes. */
export async function resendVerification(userId: string, request: RequestContext, now: Date = new Date()): Promise<{ email: string; token: string }> {
  return db().$transaction(async (tx) => {
    // The row lock serialises two resends of one account: one mail per window, however many clicks.
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw new AppError("UNAUTHENTICATED", "Votre session a expiré. Reconnectez-vous, puis recommencez.");
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, emailVerifiedAt: true } });
    if (user.emailVerifiedAt) throw new AppError("CONFLICT", "Votre adresse e-mail est déjà confirmée.");
    const last = await lastLinkSentAt(tx, user.id, "VERIFY_EMAIL");
    if (!mayMailAgain(last, now)) throw new AppError("RATE_LIMITED", waitMessage(last!, now));
    const { token } = await sendVerification(tx, user, { resent: true, request }, now);
    return { email: user.email, token };
  });
}

/** Marks an address verified in the caller's transaction (a link, an accepted invitation, a password reset). */
export async function markEmailVerified(
  tx: Tx,
  user: { id: string; emailVerifiedAt: Date | null },
  via: "link" | "invitation" | "password_reset",
  request: RequestContext | undefined,
  now: Date,
): Promise<void> {
  if (user.emailVerifiedAt) return;
  await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
  await recordEvent(tx, { name: "user.email_verified", actor: userActor(user.id), subjectId: user.id, request, payload: { via } });
}

/**
 * The verification link's button: uses the link, confirms the address and opens a session, in one transaction.
 * Throws a French AppError for a link that is used, replaced, expired or unknown. A disabled account is confirmed
 * but gets no session (it signs in nowhere).
 */
export async function signInWithVerificationLink(
  token: unknown,
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ userId: string; sessionId: string | null }> {
  return db().$transaction(async (tx) => {
    const link = await consumeAccountLink(tx, token, ["VERIFY_EMAIL"], now);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: link.userId },
      select: { id: true, email: true, status: true, roles: true, emailVerifiedAt: true },
    });
    // The address the link went to is no longer the account's: the link proves nothing about the current one.
    if (user.email !== link.email) throw new AppError("CONFLICT", "Ce lien de confirmation a été remplacé. Connectez-vous pour en recevoir un nouveau.");
    await markEmailVerified(tx, user, "link", request, now);
    if (user.status !== "ACTIVE") return { userId: user.id, sessionId: null };
    const sessionId = await openSession(tx, { id: user.id, roles: user.roles as PlatformRole[] }, request, now);
    await recordEvent(tx, { name: "user.signed_in", actor: userActor(user.id), subjectId: user.id, request, payload: {} });
    return { userId: user.id, sessionId };
  });
}
