import "server-only";
import { randomBytes } from "node:crypto";
import { portalLink } from "../portal-link.server";
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { hashPassword } from "../auth/password.server";
import { can, type Actor } from "../auth/permissions";
import { revokeUserSessions } from "../auth/sessions.server";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { queueMail } from "../mail/outbox.server";
import { ansAccountCreatedMail, ansPasswordResetMail, secondFactorsResetMail } from "./mail-texts";
import { withoutControlCharacters } from "../validation";
import { z } from "zod";
import { recordId } from "../organizations/organization-schema";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { ANS_ACCOUNT_MESSAGES, createAnsAccountSchema, oneTimePassword } from "./ans-account-schema";

// ANS administrators manage the accounts of the ANS space: create a reviewer (with a one-time password shown once
// to the administrator, who hands it over by another channel), disable/enable, grant/remove the administrator role.
// There is always at least one active administrator, and nobody disables or demotes themselves.

function requireAccountManager(actor: Actor): void {
  if (!can(actor, { type: "users.manage" })) throw new AppError("FORBIDDEN", ANS_ACCOUNT_MESSAGES.adminsOnly);
}

const ANS_ROLES = ["ANS_REVIEWER", "ANS_ADMIN"] as const;

/** The ANS accounts, administrators first, then by name. */
export async function ansAccounts(actor: Actor) {
  requireAccountManager(actor);
  const users = await db().user.findMany({
    where: { roles: { hasSome: [...ANS_ROLES] } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, roles: true, status: true, createdAt: true },
  });
  const isAdmin = (u: { roles: string[] }) => u.roles.includes("ANS_ADMIN");
  return users
    .map((u) => ({ ...u, isAdmin: isAdmin(u), isSelf: u.id === actor.userId }))
    .sort((a, b) => Number(b.isAdmin) - Number(a.isAdmin));
}

/** Creates a reviewer account (optionally administrator). Returns the one-time password, shown once. */
export async function createAnsAccount(actor: Actor, raw: unknown, request: RequestContext): Promise<{ userId: string; oneTimePassword: string }> {
  requireAccountManager(actor);
  const parsed = createAnsAccountSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const { name, email, admin } = parsed.data;
  const password = oneTimePassword((n) => randomBytes(n));
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new AppError("VALIDATION", ANS_ACCOUNT_MESSAGES.emailTaken, { email: ANS_ACCOUNT_MESSAGES.emailTaken });
    const roles = admin ? (["ANS_REVIEWER", "ANS_ADMIN"] as const) : (["ANS_REVIEWER"] as const);
    // The administrator typed the address and hands the password over in person: the address counts as verified,
    // and the first sign-in must replace the password (ADR 0022).
    const user = await tx.user.create({
      data: { name, email, passwordHash, roles: [...roles], emailVerifiedAt: new Date(), mustChangePassword: true },
      select: { id: true },
    });
    await recordEvent(tx, { name: "ans_account.created", actor: userActor(actor.userId), subjectId: user.id, request, payload: { roles: [...roles] }, personal: { email } });
    await queueMail(tx, { to: email, ...ansAccountCreatedMail({ name, signInLink: portalLink("/connexion") }) });
    return { userId: user.id, oneTimePassword: password };
  });
}

async function lockAnsAccount(tx: Tx, userId: unknown) {
  const id = recordId.safeParse(userId);
  if (!id.success) throw new AppError("NOT_FOUND", ANS_ACCOUNT_MESSAGES.notFound);
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "User" WHERE "id" = ${id.data}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", ANS_ACCOUNT_MESSAGES.notFound);
  const user = await tx.user.findUniqueOrThrow({ where: { id: id.data }, select: { id: true, email: true, roles: true, status: true } });
  // An editor's account looks exactly like a missing one here.
  if (!user.roles.some((r) => r === "ANS_REVIEWER" || r === "ANS_ADMIN")) throw new AppError("NOT_FOUND", ANS_ACCOUNT_MESSAGES.notFound);
  return user;
}

/**
 * The active administrators, locked: two administrators removing each other at the same moment are serialised, and
 * the second sees the first's change (READ COMMITTED re-checks locked rows), so there is always one left.
 */
async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "User" WHERE 'ANS_ADMIN' = ANY("roles") AND "status" = 'ACTIVE' ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.id);
}

/** Disables or re-enables an ANS account. Disabling ends the person's sessions at once. */
export async function setAnsAccountActive(actor: Actor, raw: { userId?: unknown; active?: unknown }, request: RequestContext): Promise<void> {
  requireAccountManager(actor);
  const active = raw.active === true || raw.active === "true";
  await db().$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await lockAnsAccount(tx, raw.userId);
    if (!active && user.id === actor.userId) throw new AppError("CONFLICT", ANS_ACCOUNT_MESSAGES.self);
    if ((user.status === "ACTIVE") === active) return; // Already so: nothing to record.
    if (!active && admins.includes(user.id) && admins.length <= 1) throw new AppError("CONFLICT", ANS_ACCOUNT_MESSAGES.lastAdmin);
    await tx.user.update({ where: { id: user.id }, data: { status: active ? "ACTIVE" : "DISABLED" } });
    await recordEvent(tx, { name: active ? "ans_account.enabled" : "ans_account.disabled", actor: userActor(actor.userId), subjectId: user.id, request, payload: {}, personal: { email: user.email } });
    if (!active) await revokeUserSessions(tx, { userId: user.id, reason: "ACCOUNT_DISABLED", actorId: actor.userId, request });
  });
}

/** Grants or removes the administrator role of an ANS account (reviewing stays). Ends the person's sessions. */
export async function setAnsAccountAdmin(actor: Actor, raw: { userId?: unknown; admin?: unknown }, request: RequestContext): Promise<void> {
  requireAccountManager(actor);
  const admin = raw.admin === true || raw.admin === "true";
  await db().$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await lockAnsAccount(tx, raw.userId);
    if (!admin && user.id === actor.userId) throw new AppError("CONFLICT", ANS_ACCOUNT_MESSAGES.self);
    if (user.roles.includes("ANS_ADMIN") === admin) return;
    if (!admin && admins.includes(user.id) && admins.length <= 1) throw new AppError("CONFLICT", ANS_ACCOUNT_MESSAGES.lastAdmin);
    const roles = admin
      ? [...new Set([...user.roles, "ANS_REVIEWER" as const, "ANS_ADMIN" as const])]
      : [...new Set([...user.roles.filter((r) => r !== "ANS_ADMIN"), "ANS_REVIEWER" as const])];
    await tx.user.update({ where: { id: user.id }, data: { roles } });
    await recordEvent(tx, { name: admin ? "ans_account.admin_granted" : "ans_account.admin_removed", actor: userActor(actor.userId), subjectId: user.id, request, payload: {}, personal: { email: user.email } });
    await revokeUserSessions(tx, { userId: user.id, reason: "ROLES_CHANGED", actorId: actor.userId, request });
  });
}

/**
 * A new one-time password for an ANS account whose owner lost theirs: shown once to the administrator, it replaces
 * the password at once, ends the person's sessions, and must itself be replaced at the next sign-in (ADR 0022).
 */
export async function resetAnsAccountPassword(actor: Actor, raw: { userId?: unknown }, request: RequestContext): Promise<{ name: string; oneTimePassword: string }> {
  requireAccountManager(actor);
  const password = oneTimePassword((n) => randomBytes(n));
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const user = await lockAnsAccount(tx, raw.userId);
    if (user.id === actor.userId) throw new AppError("CONFLICT", ANS_ACCOUNT_MESSAGES.selfReset);
    const { name } = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, oneTimePasswordUsedAt: null },
      select: { name: true },
    });
    await recordEvent(tx, { name: "ans_account.password_reset", actor: userActor(actor.userId), subjectId: user.id, request, payload: {}, personal: { email: user.email } });
    await revokeUserSessions(tx, { userId: user.id, reason: "PASSWORD_RESET", actorId: actor.userId, request });
    await queueMail(tx, { to: user.email, ...ansPasswordResetMail({ name, signInLink: portalLink("/connexion") }) });
    return { name, oneTimePassword: password };
  });
}

const resetReason = z.object({
  reason: z
    .string({ error: "Indiquez le motif (5 caractères au moins)." })
    .transform((v) => withoutControlCharacters(v).trim())
    .pipe(z.string().min(5, "Indiquez le motif (5 caractères au moins).").max(500, "Le motif tient en 500 caractères au plus.")),
});

/**
 * A lost phone (issue 19): an administrator removes another ANS account's authenticator app and recovery codes, with
 * a reason; the person's sessions end, they are mailed, and their next sign-in enrols again.
 */
export async function resetAnsSecondFactors(actor: Actor, raw: { userId?: unknown; reason?: unknown }, request: RequestContext): Promise<{ name: string }> {
  requireAccountManager(actor);
  const parsed = resetReason.safeParse({ reason: raw.reason });
  if (!parsed.success) throw new AppError("VALIDATION", "Indiquez le motif.", fieldErrorsOf(parsed.error));
  return db().$transaction(async (tx) => {
    const user = await lockAnsAccount(tx, raw.userId);
    if (user.id === actor.userId) throw new AppError("CONFLICT", "Vos propres seconds facteurs se gèrent depuis « Mon compte ».");
    await tx.totpFactor.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    // Passkeys too (ADR 0060): a lost phone may hold one, and the person enrols again at the next sign-in.
    await tx.passkey.deleteMany({ where: { userId: user.id } });
    const { name } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } });
    await recordEvent(tx, { name: "user.second_factors_reset", actor: userActor(actor.userId), subjectId: user.id, request, payload: {}, personal: { reason: parsed.data.reason } });
    await revokeUserSessions(tx, { userId: user.id, reason: "PASSWORD_RESET", actorId: actor.userId, request });
    await queueMail(tx, { to: user.email, ...secondFactorsResetMail({ name, reason: parsed.data.reason, signInLink: portalLink("/connexion") }) });
    return { name };
  });
}
