import "server-only";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { mayOfferLegalRepresentative } from "./legal-representatives";
import { ORGANIZATION_NOT_FOUND, parseRecordId } from "./organization-access.server";

/**
 * Everything the organisation page shows: details, members, pending invitations, and what the actor may do.
 * Members of the organisation (and ANS staff) only.
 */
export async function organizationPage(actor: Actor, organizationId: unknown, now: Date = new Date()) {
  const id = parseRecordId(organizationId, ORGANIZATION_NOT_FOUND);
  if (!can(actor, { type: "organization.read", organizationId: id })) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  const organization = await db().organization.findUnique({
    where: { id },
    include: {
      memberships: {
        orderBy: [{ isLegalRepresentative: "desc" }, { createdAt: "asc" }],
        include: { user: { select: { id: true, name: true, email: true, status: true } } },
      },
      evidence: {
        orderBy: { uploadedAt: "desc" },
        select: { id: true, kind: true, documentDate: true, uploadedAt: true, uploadedBy: { select: { name: true } }, file: { select: { fileName: true, size: true, sha256: true } } },
      },
      invitations: {
        where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, asLegalRepresentative: true, expiresAt: true, createdAt: true, invitedBy: { select: { name: true } } },
      },
    },
  });
  if (!organization) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  const hasLegalRepresentative = organization.memberships.some((m) => m.isLegalRepresentative);
  const actorMembership = organization.memberships.find((m) => m.userId === actor.userId);
  return {
    organization: {
      id: organization.id,
      legalName: organization.legalName,
      siret: organization.siret,
      address: organization.address,
      createdAt: organization.createdAt,
      version: organization.updatedAt.toISOString(),
      status: organization.status,
      statusReason: organization.statusReason,
      statusChangedAt: organization.statusChangedAt,
      requireSecondFactor: organization.requireSecondFactor,
    },
    evidence: organization.evidence.map((e) => ({
      evidenceId: e.id,
      kind: e.kind,
      documentDate: e.documentDate,
      uploadedAt: e.uploadedAt,
      uploadedByName: e.uploadedBy.name,
      fileName: e.file.fileName,
      size: e.file.size,
      sha256: e.file.sha256,
    })),
    members: organization.memberships.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      isLegalRepresentative: m.isLegalRepresentative,
      isTechnicalContact: m.isTechnicalContact,
      active: m.user.status === "ACTIVE",
      isActor: m.userId === actor.userId,
    })),
    pendingInvitations: organization.invitations.map((i) => ({
      invitationId: i.id,
      email: i.email,
      asLegalRepresentative: i.asLegalRepresentative,
      expiresAt: i.expiresAt,
      sentAt: i.createdAt,
      invitedByName: i.invitedBy.name,
    })),
    permissions: {
      update: can(actor, { type: "organization.update", organizationId: id }),
      invite: can(actor, { type: "organization.invite", organizationId: id }),
      manageLegalRepresentatives: can(actor, { type: "organization.manageLegalRepresentatives", organizationId: id }),
      offerLegalRepresentative:
        can(actor, { type: "organization.invite", organizationId: id }) &&
        mayOfferLegalRepresentative(actorMembership?.isLegalRepresentative === true, hasLegalRepresentative),
    },
  };
}

export type OrganizationPageData = Awaited<ReturnType<typeof organizationPage>>;
