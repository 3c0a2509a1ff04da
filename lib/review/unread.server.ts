import "server-only";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { Prisma } from "../generated/prisma/client";

// Unread markers (ADR 0035): a dossier is new to a person when something happened on it since they last opened it
// (or last acted on it: the trigger on "Event" moves their mark with each of their acts). Editors see what happens
// on their organisations' dossiers, except ANS's own acts; reviewers see every event, on the dossiers that are theirs
// (assigned to them) and on those nobody has taken while they are open. The navigation counts up to UNREAD_CAP.

export const UNREAD_CAP = 99;

type Side = { side: "reviewer"; userId: string } | { side: "editor"; userId: string; organizationIds: string[] } | null;

function sideOf(actor: Actor): Side {
  if (can(actor, { type: "application.review" })) return { side: "reviewer", userId: actor.userId };
  const organizationIds = actor.memberships.map((m) => m.organizationId).filter((id) => can(actor, { type: "application.manage", organizationId: id }));
  return organizationIds.length > 0 ? { side: "editor", userId: actor.userId, organizationIds } : null;
}

function unreadCondition(side: NonNullable<Side>): Prisma.Sql {
  if (side.side === "reviewer") {
    return Prisma.sql`a."status" <> 'DRAFT'
      AND (a."assigneeId" = ${side.userId}::uuid OR (a."assigneeId" IS NULL AND a."status" IN ('SUBMITTED', 'CHANGES_REQUESTED')))
      AND a."reviewerActivityAt" > COALESCE(m."readAt", '-infinity'::timestamptz)`;
  }
  return Prisma.sql`a."organizationId" = ANY(${side.organizationIds}::uuid[]) AND a."editorActivityAt" > COALESCE(m."readAt", '-infinity'::timestamptz)`;
}

/** Of these dossiers, the ones with something new for this person. */
export async function unreadAmong(actor: Actor, applicationIds: readonly string[]): Promise<Set<string>> {
  const side = sideOf(actor);
  if (!side || applicationIds.length === 0) return new Set();
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT a."id"::text AS "id" FROM "Application" a
    LEFT JOIN "ApplicationReadMark" m ON m."applicationId" = a."id" AND m."userId" = ${side.userId}::uuid
    WHERE a."id" = ANY(${[...applicationIds]}::uuid[]) AND ${unreadCondition(side)}`;
  return new Set(rows.map((r) => r.id));
}

/** How many dossiers have something new for this person (at most UNREAD_CAP + 1: the navigation shows "99+"). */
export async function unreadCount(actor: Actor | null): Promise<number> {
  const side = actor ? sideOf(actor) : null;
  if (!side) return 0;
  const rows = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "Application" a
      LEFT JOIN "ApplicationReadMark" m ON m."applicationId" = a."id" AND m."userId" = ${side.userId}::uuid
      WHERE ${unreadCondition(side)} LIMIT ${UNREAD_CAP + 1}) AS unread`;
  return rows[0]?.count ?? 0;
}

/** The person opened the dossier: nothing on it is new to them any more. Call once they may read it. */
export async function markRead(userId: string, applicationId: string, now: Date = new Date()): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "ApplicationReadMark" ("userId", "applicationId", "readAt") VALUES (${userId}::uuid, ${applicationId}::uuid, ${now})
    ON CONFLICT ("userId", "applicationId") DO UPDATE SET "readAt" = GREATEST("ApplicationReadMark"."readAt", EXCLUDED."readAt")`;
}
