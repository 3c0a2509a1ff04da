import "server-only";
// What ANS reads of organisations (issue 22): the queue of those waiting for verification, oldest first, and one
// organisation's page with its identity, its people (with their ProConnect proof), its evidence and its status.
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { ORGANIZATION_NOT_FOUND, parseRecordId } from "./organization-access.server";
import { companyRegister } from "./register-client.server";

const QUEUE_LIMIT = 200;

function requireReviewer(actor: Actor) {
  if (!can(actor, { type: "organization.verify" })) throw new AppError("FORBIDDEN", "Réservé à l'ANS.");
}

/** How many organisations wait for verification (the queue tab's count). */
export async function countOrganizationsAwaitingVerification(): Promise<number> {
  return db().organization.count({ where: { status: "UNVERIFIED" } });
}

/** Organisations waiting for verification, the one waiting longest first (at most 200 shown). */
export async function organizationsAwaitingVerification(actor: Actor) {
  requireReviewer(actor);
  const [rows, total] = await Promise.all([
    db().organization.findMany({
      where: { status: "UNVERIFIED" },
      orderBy: [{ awaitingVerificationSince: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      take: QUEUE_LIMIT,
      select: {
        id: true,
        legalName: true,
        siret: true,
        createdAt: true,
        awaitingVerificationSince: true,
        _count: { select: { evidence: true, memberships: true } },
      },
    }),
    countOrganizationsAwaitingVerification(),
  ]);
  return {
    total,
    rows: rows.map((o) => ({
      organizationId: o.id,
      legalName: o.legalName,
      siret: o.siret,
      waitingSince: o.awaitingVerificationSince ?? o.createdAt,
      evidenceCount: o._count.evidence,
      memberCount: o._count.memberships,
    })),
  };
}

/** One organisation as ANS reviews it. */
export async function organizationReview(actor: Actor, rawOrganizationId: unknown) {
  requireReviewer(actor);
  const id = parseRecordId(rawOrganizationId, ORGANIZATION_NOT_FOUND);
  const organization = await db().organization.findUnique({
    where: { id },
    include: {
      memberships: {
        orderBy: [{ isLegalRepresentative: "desc" }, { createdAt: "asc" }],
        select: {
          isLegalRepresentative: true,
          isTechnicalContact: true,
          user: { select: { id: true, name: true, email: true, status: true, proConnectSiret: true, proConnectSiretSeenAt: true } },
        },
      },
      evidence: {
        orderBy: { uploadedAt: "desc" },
        select: { id: true, kind: true, documentDate: true, uploadedAt: true, uploadedBy: { select: { name: true } }, file: { select: { fileName: true, size: true, sha256: true } } },
      },
      _count: { select: { enrolments: { where: { status: { in: ["ACTIVE", "SUSPENDED"] } } } } },
    },
  });
  if (!organization) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  // The register's own data beside what was typed; a register that cannot answer is "registre non consulté".
  const register = await companyRegister().lookup(organization.siret);
  const statusChangedBy = organization.statusChangedById
    ? await db().user.findUnique({ where: { id: organization.statusChangedById }, select: { name: true } })
    : null;
  return {
    organization: {
      id: organization.id,
      legalName: organization.legalName,
      siret: organization.siret,
      address: organization.address,
      createdAt: organization.createdAt,
      status: organization.status,
      statusReason: organization.statusReason,
      statusChangedAt: organization.statusChangedAt,
      statusChangedByName: statusChangedBy?.name ?? null,
      awaitingVerificationSince: organization.awaitingVerificationSince,
      enrolmentsInForce: organization._count.enrolments,
    },
    members: organization.memberships.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      active: m.user.status === "ACTIVE",
      isLegalRepresentative: m.isLegalRepresentative,
      isTechnicalContact: m.isTechnicalContact,
      // Issue 4 of the brief: the `siret` claim of their last ProConnect sign-in equals the organisation's SIRET. Proof
      // that the person works there, not that they represent it.
      proConnectProofAt: m.user.proConnectSiret === organization.siret ? m.user.proConnectSiretSeenAt : null,
    })),
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
    register,
    permissions: {
      verify: can(actor, { type: "organization.verify" }),
      suspend: can(actor, { type: "organization.suspend" }),
    },
  };
}
