import "server-only";
// The account page (/compte, ADR 0020): the person's name, e-mail change through the new address, password change,
// and the list of their active sessions with "se déconnecter de cette session" and "se déconnecter partout ailleurs".
// Also the forced first change of a one-time password (ADR 0022). Everyone acts on their own account only.
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { checkCurrentPassword } from "../auth/authenticate.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import type { Actor } from "../auth/permissions";
import { sessionState } from "../auth/session-policy";
import { revokeUserSessions } from "../auth/sessions.server";
import { db } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { queueMail } from "../mail/outbox.server";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { INVALID_FORM, invalidForm } from "../validation";
import { mayMailAgain } from "../auth/account-link";
import { consumeAccountLink, issueAccountLink } from "../auth/account-links.server";
import { emailChangeSchema, passwordChangeSchema, renameSchema } from "./account-schema";
import { VERIFICATION_PATH } from "./email-verification.server";
import { addressInUseMail, emailChangedMail, emailChangeMail, passwordChangedMail } from "./mail-texts";
import { RECOVERY_PATH } from "./password-recovery.server";
import { newPasswordSchema, PASSWORD_MESSAGES } from "./password-rules";
import { passwordProblem } from "./password-strength";
import { describeUserAgent } from "./user-agent";

export const ACCOUNT_MESSAGES = {
  wrongPassword: "Mot de passe actuel incorrect.",
  sameEmail: "C'est déjà l'adresse de votre compte.",
  sessionNotFound: "Cette session est introuvable ou déjà fermée.",
  currentSession: "Pour fermer la session que vous utilisez, déconnectez-vous.",
  emailTaken: "Cette adresse est désormais celle d'un autre compte : votre adresse n'a pas changé.",
  notGated: "Votre mot de passe a déjà été choisi.",
} as const;

const waitSeconds = (seconds: number) => `Trop d'essais de mot de passe depuis votre adresse réseau. Réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`;

async function ownAccount(userId: string) {
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, passwordHash: true } });
}

/** The current password, checked under the sign-in limits; a wrong one is reported next to its field. */
async function requireCurrentPassword(user: { email: string; passwordHash: string }, password: string, request: RequestContext): Promise<void> {
  const check = await checkCurrentPassword(user, password, request);
  if (check.ok) return;
  if (check.reason === "rate_limited") throw new AppError("RATE_LIMITED", waitSeconds(check.retryAfterSeconds));
  throw new AppError("VALIDATION", INVALID_FORM, { currentPassword: ACCOUNT_MESSAGES.wrongPassword });
}

export type AccountSession = { id: string; browser: string; ip: string | null; createdAt: Date; lastSeenAt: Date; current: boolean };

/** What the account page shows. */
export async function accountOverview(actor: Actor, currentSessionId: string | null, now: Date = new Date()) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      name: true,
      email: true,
      sessions: { where: { revokedAt: null, expiresAt: { gt: now } }, orderBy: { lastSeenAt: "desc" } },
      accountLinks: {
        where: { purpose: "CHANGE_EMAIL", usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { email: true, expiresAt: true },
      },
    },
  });
  const sessions: AccountSession[] = user.sessions
    .filter((s) => sessionState(s, now) === "active")
    .map((s) => ({ id: s.id, browser: describeUserAgent(s.userAgent), ip: s.ip, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.id === currentSessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  return { name: user.name, email: user.email, pendingEmail: user.accountLinks[0] ?? null, sessions };
}

export async function renameAccount(actor: Actor, raw: unknown, request: RequestContext): Promise<{ name: string }> {
  const parsed = renameSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  const { name } = parsed.data;
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    if (before.name === name) return { name };
    await tx.user.update({ where: { id: actor.userId }, data: { name } });
    await recordEvent(tx, { name: "user.renamed", actor: userActor(actor.userId), subjectId: actor.userId, request, payload: {}, personal: { previous: before.name, name } });
    return { name };
  });
}

/**
 * Changes the password: the current one is required (under the sign-in limits), the new one must be strong and
 * different; the other sessions end, this one stays, and the owner is told by mail.
 */
export async function changePassword(actor: Actor, currentSessionId: string | null, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<void> {
  const parsed = passwordChangeSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  const user = await ownAccount(actor.userId);
  const weak = passwordProblem(parsed.data.password, [user.name, user.email]);
  if (weak) throw new AppError("VALIDATION", INVALID_FORM, { password: weak });
  await requireCurrentPassword(user, parsed.data.currentPassword, request);
  const passwordHash = await hashPassword(parsed.data.password);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await recordEvent(tx, { name: "user.password_changed", actor: userActor(user.id), subjectId: user.id, request, payload: { way: "account_page" } });
    await revokeUserSessions(tx, { userId: user.id, reason: "PASSWORD_CHANGED", actorId: user.id, request, exceptSessionId: currentSessionId ?? undefined }, now);
    await queueMail(tx, { to: user.email, ...passwordChangedMail({ name: user.name, at: now, way: "account_page", recoveryLink: portalLink(RECOVERY_PATH) }) });
  });
}

/**
 * Asks to change the address: a link goes to the new address, and the address changes only when it is opened. When
 * the new address already has an account, its owner is told instead and no usable link goes anywhere; the person
 * asking sees exactly the same thing (the answer, the pending change on the page), so nothing says the address is taken.
 */
export async function requestEmailChange(actor: Actor, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<{ email: string }> {
  const parsed = emailChangeSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  const { email } = parsed.data;
  const user = await ownAccount(actor.userId);
  if (email === user.email) throw new AppError("VALIDATION", INVALID_FORM, { email: ACCOUNT_MESSAGES.sameEmail });
  await requireCurrentPassword(user, parsed.data.currentPassword, request);
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id}::uuid FOR UPDATE`;
    const holder = await tx.user.findUnique({ where: { email }, select: { id: true, name: true } });
    // The pending change looks the same either way; only a free address gets the token.
    const link = await issueAccountLink(tx, { userId: user.id, purpose: "CHANGE_EMAIL", email }, now);
    if (holder) {
      const last = await tx.outboxMessage.findFirst({ where: { to: email, kind: "account.address_in_use" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
      if (mayMailAgain(last?.createdAt ?? null, now)) await queueMail(tx, { to: email, ...addressInUseMail({ name: holder.name }) });
    } else {
      await queueMail(tx, { to: email, ...emailChangeMail({ name: user.name, link: portalLink(`${VERIFICATION_PATH}/${link.token}`), expiresAt: link.expiresAt }) });
    }
    await recordEvent(tx, {
      name: "user.email_change_requested",
      actor: userActor(user.id),
      subjectId: user.id,
      request,
      payload: { addressInUse: holder !== null },
      personal: { email },
    });
  });
  return { email };
}

/** The new address's link: the account takes the address (now verified), and the former address is told. */
export async function confirmEmailChange(token: unknown, request: RequestContext, now: Date = new Date()): Promise<{ email: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const link = await consumeAccountLink(tx, token, ["CHANGE_EMAIL"], now);
      const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { id: true, name: true, email: true, status: true } });
      if (user.status !== "ACTIVE") throw new AppError("CONFLICT", "Ce lien de changement d'adresse ne peut plus servir.");
      if (await tx.user.findUnique({ where: { email: link.email }, select: { id: true } })) throw new AppError("CONFLICT", ACCOUNT_MESSAGES.emailTaken);
      await tx.user.update({ where: { id: user.id }, data: { email: link.email, emailVerifiedAt: now } });
      await recordEvent(tx, { name: "user.email_changed", actor: userActor(user.id), subjectId: user.id, request, payload: {}, personal: { previous: user.email, email: link.email } });
      await queueMail(tx, { to: user.email, ...emailChangedMail({ name: user.name, newEmail: link.email, at: now }) });
      return { email: link.email };
    });
  } catch (error) {
    // Another account took the address between the check and the update.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", ACCOUNT_MESSAGES.emailTaken);
    throw error;
  }
}

/** "Se déconnecter de cette session": one of the person's other sessions ends at once. */
export async function endOwnSession(actor: Actor, currentSessionId: string | null, sessionId: unknown, request: RequestContext, now: Date = new Date()): Promise<void> {
  if (typeof sessionId !== "string" || !/^[0-9a-f-]{36}$/i.test(sessionId)) throw new AppError("NOT_FOUND", ACCOUNT_MESSAGES.sessionNotFound);
  if (sessionId === currentSessionId) throw new AppError("CONFLICT", ACCOUNT_MESSAGES.currentSession);
  await db().$transaction(async (tx) => {
    // Someone else's session looks exactly like a missing one.
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now, revokedReason: "ENDED_BY_OWNER" },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", ACCOUNT_MESSAGES.sessionNotFound);
    await recordEvent(tx, { name: "user.sessions_revoked", actor: userActor(actor.userId), subjectId: actor.userId, request, payload: { reason: "ENDED_BY_OWNER", count } });
  });
}

/** "Se déconnecter partout ailleurs": every session but this one ends. Returns how many. */
export async function endOtherSessions(actor: Actor, currentSessionId: string | null, request: RequestContext, now: Date = new Date()): Promise<number> {
  if (!currentSessionId) throw new AppError("UNAUTHENTICATED", "Votre session a expiré. Reconnectez-vous, puis recommencez.");
  return db().$transaction((tx) =>
    revokeUserSessions(tx, { userId: actor.userId, reason: "ENDED_BY_OWNER", actorId: actor.userId, request, exceptSessionId: currentSessionId }, now),
  );
}

/**
 * The first sign-in of an account created with a one-time password (or after an administrator's reset) sets the
 * person's own password before anything else (ADR 0022). Conditional on the flag, so it happens once.
 */
export async function setFirstPassword(userId: string, currentSessionId: string | null, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<void> {
  const parsed = newPasswordSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  const user = await ownAccount(userId);
  const weak = passwordProblem(parsed.data.password, [user.name, user.email]);
  if (weak) throw new AppError("VALIDATION", INVALID_FORM, { password: weak });
  if (await verifyPassword(user.passwordHash, parsed.data.password)) throw new AppError("VALIDATION", INVALID_FORM, { password: PASSWORD_MESSAGES.unchanged });
  const passwordHash = await hashPassword(parsed.data.password);
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, mustChangePassword: true }, data: { passwordHash, mustChangePassword: false, oneTimePasswordUsedAt: null } });
    if (count !== 1) throw new AppError("CONFLICT", ACCOUNT_MESSAGES.notGated);
    await recordEvent(tx, { name: "user.password_changed", actor: userActor(userId), subjectId: userId, request, payload: { way: "first_sign_in" } });
    await revokeUserSessions(tx, { userId, reason: "PASSWORD_CHANGED", actorId: userId, request, exceptSessionId: currentSessionId ?? undefined }, now);
    await queueMail(tx, { to: user.email, ...passwordChangedMail({ name: user.name, at: now, way: "first_sign_in", recoveryLink: portalLink(RECOVERY_PATH) }) });
  });
}
