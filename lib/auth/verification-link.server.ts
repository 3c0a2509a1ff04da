import "server-only";
// The verification link signs its owner in (ADR 0020): used once, it confirms the address and opens a session, in one
// transaction. Called by next-auth's "verification-link" provider; the link itself is made by lib/accounts.
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import { consumeAccountLink } from "./account-links.server";
import type { PlatformRole } from "./permissions";
import { openSession } from "./sessions.server";

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
