import "server-only";
// E-mail verification (ADR 0020): sign-up ends on "consultez votre messagerie"; the mailed link (single use, 24 hours)
// confirms the address and signs its owner in (lib/auth/verification-link.server.ts). Until then the account is held
// at its gate's page.
import { ANONYMOUS, userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { queueMail } from "../mail/outbox.server";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { MAIL_WINDOW_MS, mayMailAgain } from "../auth/account-link";
import { issueAccountLink, lastLinkSentAt } from "../auth/account-links.server";
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
