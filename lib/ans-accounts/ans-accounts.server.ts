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
import { ansAccountCreatedMail } from "./mail-texts";
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
    const user = await tx.user.create({ data: { name, email, passwordHash, roles: [...roles] }, select: { id: true } });
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
