import "server-only";
import { randomBytes } from "node:crypto";
import { portalLink } from "../portal-link.server";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { queueMail } from "../mail/outbox.server";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { encodeInvitationToken, hashInvitationToken, INVITATION_TOKEN_BYTES, invitationExpiry, invitationState } from "./invitation-token";
import { mayOfferLegalRepresentative, membershipRoleLabel } from "./legal-representatives";
import {
  INVITATION_NOT_FOUND,
  lockOrganization,
  ORGANIZATION_NOT_FOUND,
  parseRecordId,
  requireMembershipInTransaction,
  requireOrganizationAction,
} from "./organization-access.server";
import { invitationMail } from "./mail-texts";
import { invitationSchema } from "./organization-schema";

const ALREADY_MEMBER = "Cette personne est déjà membre de l'organisation.";

/** One line, at most 200 characters: what a mail subject may hold, whatever a legal name contains. */
/**
 * A member invites a colleague by e-mail. The link carries a random token of which only the SHA-256 is
 * stored; it works once, for 7 days. A pending invitation of the same address is revoked (its link dies).
 * Returns the token so that callers (and tests) can build the link; the e-mail is queued in the transaction.
 */
export async function inviteColleague(
  actor: Actor,
  organizationId: unknown,
  raw: unknown,
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ invitationId: string; token: string; email: string; expiresAt: Date }> {
  const id = parseRecordId(organizationId, ORGANIZATION_NOT_FOUND);
  requireOrganizationAction(actor, { type: "organization.invite", organizationId: id });
  const parsed = invitationSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const { email, asLegalRepresentative } = parsed.data;
  const token = encodeInvitationToken(randomBytes(INVITATION_TOKEN_BYTES));
  const expiresAt = invitationExpiry(now);

  return db().$transaction(async (tx) => {
    if (!(await lockOrganization(tx, id))) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id },
      select: { legalName: true, memberships: { select: { userId: true, isLegalRepresentative: true, user: { select: { email: true } } } } },
    });
    const actorMembership = organization.memberships.find((m) => m.userId === actor.userId);
    if (!actorMembership) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
    if (asLegalRepresentative) {
      const hasLegalRepresentative = organization.memberships.some((m) => m.isLegalRepresentative);
      if (!mayOfferLegalRepresentative(actorMembership.isLegalRepresentative, hasLegalRepresentative)) {
        throw new AppError("FORBIDDEN", "Le formulaire contient des erreurs.", {
          asLegalRepresentative: "Seul un représentant légal peut inviter un autre représentant légal.",
        });
      }
    }
    if (organization.memberships.some((m) => m.user.email === email)) {
      throw new AppError("CONFLICT", "Le formulaire contient des erreurs.", { email: ALREADY_MEMBER });
    }

    const previous = await tx.invitation.findMany({
      where: { organizationId: id, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    const revoked: string[] = [];
    for (const old of previous) {
      // Conditional, so that an invitation accepted meanwhile is left alone.
      const { count } = await tx.invitation.updateMany({ where: { id: old.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
      if (count !== 1) continue;
      revoked.push(old.id);
      await recordEvent(tx, {
        name: "invitation.revoked",
        actor: userActor(actor.userId),
        organizationId: id,
        subjectId: old.id,
        request,
        payload: { reason: "reinvited" },
        personal: { email },
      });
    }

    const invitation = await tx.invitation.create({
      data: { organizationId: id, email, tokenHash: hashInvitationToken(token), asLegalRepresentative, invitedById: actor.userId, expiresAt, createdAt: now },
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    const link = portalLink(`/invitation/${token}`);
    const mail = invitationMail({
      organizationName: organization.legalName,
      inviterName: inviter.name,
      roleLabel: membershipRoleLabel(asLegalRepresentative),
      link,
      expiresAt,
    });
    await queueMail(tx, { to: email, ...mail });
    await recordEvent(tx, {
      name: "invitation.sent",
      actor: userActor(actor.userId),
      organizationId: id,
      subjectId: invitation.id,
      request,
      payload: { asLegalRepresentative, expiresAt: expiresAt.toISOString(), revokedInvitations: revoked },
      personal: { email },
    });
    return { invitationId: invitation.id, token, email, expiresAt };
  });
}

/** Cancels a pending invitation of the actor's organisation: its link stops working at once. */
export async function revokeInvitation(actor: Actor, invitationId: unknown, request: RequestContext, now: Date = new Date()): Promise<void> {
  const id = parseRecordId(invitationId, INVITATION_NOT_FOUND);
  await db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id }, select: { id: true, organizationId: true, email: true, acceptedAt: true, revokedAt: true, expiresAt: true } });
    if (!invitation) throw new AppError("NOT_FOUND", INVITATION_NOT_FOUND);
    requireOrganizationAction(actor, { type: "organization.invite", organizationId: invitation.organizationId }, INVITATION_NOT_FOUND);
    await requireMembershipInTransaction(tx, actor, invitation.organizationId, INVITATION_NOT_FOUND);
    const state = invitationState(invitation, now);
    if (state !== "pending") {
      throw new AppError("CONFLICT", state === "accepted" ? "Cette invitation a déjà été acceptée." : state === "revoked" ? "Cette invitation est déjà annulée." : "Cette invitation a déjà expiré.");
    }
    const { count } = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Cette invitation vient d'être acceptée ou annulée.");
    await recordEvent(tx, {
      name: "invitation.revoked",
      actor: userActor(actor.userId),
      organizationId: invitation.organizationId,
      subjectId: id,
      request,
      payload: { reason: "cancelled" },
      personal: { email: invitation.email },
    });
  });
}
