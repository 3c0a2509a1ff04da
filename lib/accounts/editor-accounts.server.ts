import "server-only";
// ANS administrators act on editor accounts (ADR 0022): disable one (the person's sessions end at once, the person is
// told why, the event is recorded) or re-enable it, a reason each time. Suspending a whole organisation is another act.
import { userActor } from "../events/actor";
import { eventLabel } from "../events/catalogue";
import { recordEvent } from "../events/record.server";
import { can, type Actor } from "../auth/permissions";
import { revokeUserSessions } from "../auth/sessions.server";
import { db } from "../db.server";
import { AppError } from "../errors";
import { queueMail } from "../mail/outbox.server";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { z } from "zod";
import { invalidForm } from "../validation";
import { withoutControlCharacters } from "../validation";
import { editorAccountStatusSchema } from "./account-schema";
import { accountDisabledMail, accountEnabledMail } from "./mail-texts";

export const EDITOR_ACCOUNT_MESSAGES = {
  adminsOnly: "Seul un administrateur ANS peut désactiver ou réactiver un compte d'éditeur.",
  notFound: "Ce compte d'éditeur est introuvable.",
  alreadyDisabled: "Ce compte est déjà désactivé.",
  alreadyActive: "Ce compte est déjà actif.",
} as const;

const LIST_SIZE = 50;
const recordId = z.uuid();

function requireAdministrator(actor: Actor): void {
  if (!can(actor, { type: "users.manage" })) throw new AppError("FORBIDDEN", EDITOR_ACCOUNT_MESSAGES.adminsOnly);
}

/** Editor accounts only: an ANS account (even one that also belongs to an organisation) is managed elsewhere. */
const editorsOnly = { roles: { has: "EDITOR" as const }, NOT: { roles: { hasSome: ["ANS_REVIEWER" as const, "ANS_ADMIN" as const] } } };

/** The newest editor accounts, or those whose name, address or organisation contains `q`. */
export async function editorAccounts(actor: Actor, query: { q?: unknown } = {}) {
  requireAdministrator(actor);
  // A NUL byte would reach PostgreSQL, which refuses it in text (a 500): dropped like every search field (ADR 0030).
  const q = typeof query.q === "string" ? withoutControlCharacters(query.q).trim().slice(0, 100) : "";
  const users = await db().user.findMany({
    where: {
      ...editorsOnly,
      ...(q
        ? {
            OR: [
              { email: { contains: q, mode: "insensitive" as const } },
              { name: { contains: q, mode: "insensitive" as const } },
              { memberships: { some: { organization: { legalName: { contains: q, mode: "insensitive" as const } } } } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIST_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      emailVerifiedAt: true,
      createdAt: true,
      memberships: { select: { organization: { select: { legalName: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  return { q, limit: LIST_SIZE, accounts: users.map((u) => ({ ...u, organizations: u.memberships.map((m) => m.organization.legalName) })) };
}

async function findEditor(userId: unknown) {
  const id = recordId.safeParse(userId);
  if (!id.success) throw new AppError("NOT_FOUND", EDITOR_ACCOUNT_MESSAGES.notFound);
  const user = await db().user.findFirst({ where: { id: id.data, ...editorsOnly }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", EDITOR_ACCOUNT_MESSAGES.notFound);
  return id.data;
}

const STATUS_EVENTS = ["editor_account.disabled", "editor_account.enabled"] as const;

/** One editor account: who, which organisations, its status and the history of its status with the reasons. */
export async function editorAccount(actor: Actor, userId: unknown, now: Date = new Date()) {
  requireAdministrator(actor);
  const id = await findEditor(userId);
  const [user, activeSessions, events] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        name: true,
        email: true,
        status: true,
        emailVerifiedAt: true,
        createdAt: true,
        memberships: { select: { isLegalRepresentative: true, organization: { select: { id: true, legalName: true, siret: true } } } },
      },
    }),
    db().session.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: now } } }),
    db().event.findMany({
      where: { subjectType: "User", subjectId: id, name: { in: [...STATUS_EVENTS] } },
      orderBy: [{ occurredAt: "desc" }, { sequence: "desc" }],
      take: 20,
      select: { id: true, name: true, occurredAt: true, actorId: true, personalData: { select: { details: true } } },
    }),
  ]);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = new Map((await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const history = events.map((e) => {
    const details = e.personalData?.details as { reason?: unknown } | undefined;
    return {
      id: e.id,
      label: eventLabel(e.name),
      occurredAt: e.occurredAt,
      actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null,
      // Kept beside the event as personal data: purged with it after the retention period.
      reason: typeof details?.reason === "string" ? details.reason : null,
    };
  });
  return { ...user, activeSessions, history };
}

/**
 * Disables or re-enables an editor account, with a reason the person receives by mail. Disabling ends every session
 * of the account at once, in the same transaction; its sign-in then fails like a wrong password (ADR 0003).
 */
export async function setEditorAccountActive(
  actor: Actor,
  raw: { userId?: unknown; active?: unknown; reason?: unknown; confirm?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ name: string; active: boolean }> {
  requireAdministrator(actor);
  const active = raw.active === true || raw.active === "true";
  const parsed = editorAccountStatusSchema.safeParse({ reason: raw.reason, confirm: raw.confirm });
  if (!parsed.success) throw invalidForm(parsed.error);
  const { reason } = parsed.data;
  const id = await findEditor(raw.userId);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, email: true, status: true } });
    if (active && user.status === "ACTIVE") throw new AppError("CONFLICT", EDITOR_ACCOUNT_MESSAGES.alreadyActive);
    if (!active && user.status === "DISABLED") throw new AppError("CONFLICT", EDITOR_ACCOUNT_MESSAGES.alreadyDisabled);
    await tx.user.update({ where: { id }, data: { status: active ? "ACTIVE" : "DISABLED" } });
    await recordEvent(tx, {
      name: active ? "editor_account.enabled" : "editor_account.disabled",
      actor: userActor(actor.userId),
      subjectId: id,
      request,
      payload: {},
      personal: { email: user.email, reason },
    });
    if (active) {
      await queueMail(tx, { to: user.email, ...accountEnabledMail({ name: user.name, reason, signInLink: portalLink("/connexion") }) });
    } else {
      await revokeUserSessions(tx, { userId: id, reason: "ACCOUNT_DISABLED", actorId: actor.userId, request }, now);
      await queueMail(tx, { to: user.email, ...accountDisabledMail({ name: user.name, reason }) });
    }
    return { name: user.name, active };
  });
}
