import "server-only";
import { z } from "zod";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import { lastLegalRepresentativeProblem } from "./legal-representatives";
import { resetOrganizationVerification } from "./verification.server";
import { LEGAL_REPRESENTATIVES_ONLY, lockMemberships, MEMBER_NOT_FOUND, parseRecordId } from "./organization-access.server";

/**
 * Finds the membership, checks that the actor is a legal representative of its organisation, then locks
 * the organisation's memberships and checks again on the locked rows (a role taken away meanwhile counts).
 */
async function lockForLegalRepresentative(tx: Tx, actor: Actor, membershipId: string) {
  const target = await tx.membership.findUnique({
    where: { id: membershipId },
    select: { id: true, organizationId: true, userId: true, user: { select: { name: true, email: true } } },
  });
  // Someone else's organisation looks exactly like a missing record.
  if (!target || !can(actor, { type: "organization.update", organizationId: target.organizationId })) {
    throw new AppError("NOT_FOUND", MEMBER_NOT_FOUND);
  }
  if (!can(actor, { type: "organization.manageLegalRepresentatives", organizationId: target.organizationId })) {
    throw new AppError("FORBIDDEN", LEGAL_REPRESENTATIVES_ONLY);
  }
  const memberships = await lockMemberships(tx, target.organizationId);
  if (!memberships.some((m) => m.userId === actor.userId && m.isLegalRepresentative)) {
    throw new AppError("FORBIDDEN", LEGAL_REPRESENTATIVES_ONLY);
  }
  const locked = memberships.find((m) => m.id === membershipId);
  if (!locked) throw new AppError("NOT_FOUND", MEMBER_NOT_FOUND);
  return { target, locked, memberships };
}

/**
 * A legal representative names another member legal representative, or takes that role away (their own
 * included), as long as the organisation keeps at least one. Returns whether anything changed.
 */
export async function setLegalRepresentative(
  actor: Actor,
  membershipId: unknown,
  isLegalRepresentative: unknown,
  request: RequestContext,
): Promise<{ changed: boolean; memberName: string }> {
  const id = parseRecordId(membershipId, MEMBER_NOT_FOUND);
  const value = z.boolean().safeParse(isLegalRepresentative);
  if (!value.success) throw new AppError("VALIDATION", "Demande invalide.");
  const named = value.data;

  return db().$transaction(async (tx) => {
    const { target, locked, memberships } = await lockForLegalRepresentative(tx, actor, id);
    if (locked.isLegalRepresentative === named) return { changed: false, memberName: target.user.name };
    if (!named) {
      const problem = lastLegalRepresentativeProblem(memberships, id);
      if (problem) throw new AppError("CONFLICT", problem);
    }
    await tx.membership.update({ where: { id }, data: { isLegalRepresentative: named } });
    await recordEvent(tx, {
      name: named ? "membership.legal_representative_named" : "membership.legal_representative_removed",
      actor: userActor(actor.userId),
      organizationId: target.organizationId,
      subjectId: id,
      request,
      payload: { userId: target.userId },
      personal: { email: target.user.email, name: target.user.name },
    });
    // Issue 22: a new legal representative is a point ANS checks again (enrolments in force stay in force).
    if (named) await resetOrganizationVerification(tx, { organizationId: target.organizationId, actorId: actor.userId, cause: "legal_representative_named", request });
    return { changed: true, memberName: target.user.name };
  });
}

/**
 * A legal representative names a member technical contact, or takes that role away: technical contacts receive the
 * certificate-expiry and gateway notices besides the legal representatives (issue 22, gatewayNoticeRecipients).
 */
export async function setTechnicalContact(
  actor: Actor,
  membershipId: unknown,
  isTechnicalContact: unknown,
  request: RequestContext,
): Promise<{ changed: boolean; memberName: string }> {
  const id = parseRecordId(membershipId, MEMBER_NOT_FOUND);
  const value = z.boolean().safeParse(isTechnicalContact);
  if (!value.success) throw new AppError("VALIDATION", "Demande invalide.");
  const named = value.data;
  return db().$transaction(async (tx) => {
    const { target } = await lockForLegalRepresentative(tx, actor, id);
    const { count } = await tx.membership.updateMany({ where: { id, isTechnicalContact: !named }, data: { isTechnicalContact: named } });
    if (count === 0) return { changed: false, memberName: target.user.name };
    await recordEvent(tx, {
      name: named ? "membership.technical_contact_named" : "membership.technical_contact_removed",
      actor: userActor(actor.userId),
      organizationId: target.organizationId,
      subjectId: id,
      request,
      payload: { userId: target.userId },
      personal: { email: target.user.email, name: target.user.name },
    });
    return { changed: true, memberName: target.user.name };
  });
}

/** A legal representative removes a member (themselves included) from the organisation, never the last legal representative. */
export async function removeMember(actor: Actor, membershipId: unknown, request: RequestContext): Promise<{ memberName: string }> {
  const id = parseRecordId(membershipId, MEMBER_NOT_FOUND);
  return db().$transaction(async (tx) => {
    const { target, locked, memberships } = await lockForLegalRepresentative(tx, actor, id);
    const problem = lastLegalRepresentativeProblem(memberships, id);
    if (problem) throw new AppError("CONFLICT", problem);
    await tx.membership.delete({ where: { id } });
    await recordEvent(tx, {
      name: "membership.removed",
      actor: userActor(actor.userId),
      organizationId: target.organizationId,
      subjectId: id,
      request,
      payload: { userId: target.userId, wasLegalRepresentative: locked.isLegalRepresentative },
      personal: { email: target.user.email, name: target.user.name },
    });
    return { memberName: target.user.name };
  });
}
