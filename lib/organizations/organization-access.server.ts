import "server-only";
import { can, type Action, type Actor } from "../auth/permissions";
import type { Tx } from "../db.server";
import { AppError } from "../errors";
import type { MembershipRole } from "./legal-representatives";
import { recordId } from "./organization-schema";

// Shared by the organisation use cases: every id that comes from a form is re-checked against the actor.

export const ORGANIZATION_NOT_FOUND = "Cette organisation est introuvable ou vous n'en êtes pas membre.";
export const MEMBER_NOT_FOUND = "Ce membre est introuvable dans votre organisation.";
export const INVITATION_NOT_FOUND = "Cette invitation est introuvable dans votre organisation.";
export const LEGAL_REPRESENTATIVES_ONLY = "Seul un représentant légal de l'organisation peut faire cela.";

/** A well-formed UUID, or the given not-found error: forged ids never reach the database as such. */
export function parseRecordId(value: unknown, notFoundMessage: string): string {
  const parsed = recordId.safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND", notFoundMessage);
  return parsed.data;
}

/** Throws NOT_FOUND (not FORBIDDEN) for someone else's organisation, so ids reveal nothing. */
export function requireOrganizationAction(actor: Actor, action: Action & { organizationId: string }, notFoundMessage = ORGANIZATION_NOT_FOUND) {
  if (!can(actor, action)) throw new AppError("NOT_FOUND", notFoundMessage);
}

/**
 * Checks, inside the transaction, that the actor is a member of the organisation in the database itself:
 * a session read a moment ago may be stale (the person was removed meanwhile).
 */
export async function requireMembershipInTransaction(tx: Tx, actor: Actor, organizationId: string, notFoundMessage = ORGANIZATION_NOT_FOUND) {
  const membership = await tx.membership.findUnique({
    where: { userId_organizationId: { userId: actor.userId, organizationId } },
    select: { id: true, isLegalRepresentative: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", notFoundMessage);
  return membership;
}

/**
 * Locks every membership of the organisation until the transaction ends, then returns them: two changes
 * of roles or members of one organisation run one after the other, so the "at least one legal
 * representative" count cannot be raced.
 */
export function lockMemberships(tx: Tx, organizationId: string): Promise<MembershipRole[]> {
  return tx.$queryRaw<MembershipRole[]>`
    SELECT "id", "userId", "isLegalRepresentative" FROM "Membership"
    WHERE "organizationId" = ${organizationId}::uuid
    ORDER BY "id"
    FOR UPDATE`;
}

/** Serialises the invitations of one organisation (re-inviting an address revokes the pending one). */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
  return rows.length === 1;
}
