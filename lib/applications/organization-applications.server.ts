import "server-only";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { ORGANIZATION_NOT_FOUND, parseRecordId } from "../organizations/organization-access.server";
import { AMENDMENT_REASON_LABELS, APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS, isOpenApplication } from "./lifecycle";
import { ENROLMENT_STATUS_LABELS } from "../enrolments/status";

/**
 * The dossiers of one organisation, newest activity first, for the editor's list: each with its service, status,
 * kind, and the enrolment it granted (if any). Another organisation's id looks exactly like a missing one.
 */
export async function organizationApplications(actor: Actor, organizationId: unknown) {
  const id = parseRecordId(organizationId, ORGANIZATION_NOT_FOUND);
  if (!can(actor, { type: "application.manage", organizationId: id })) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  const otherIds = actor.memberships.map((m) => m.organizationId).filter((other) => other !== id && can(actor, { type: "application.manage", organizationId: other }));
  const [organization, applications, otherOrganizations] = await Promise.all([
    db().organization.findUnique({ where: { id }, select: { id: true, legalName: true } }),
    db().application.findMany({
      where: { organizationId: id },
      orderBy: [{ statusChangedAt: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        kind: true,
        status: true,
        amendmentReason: true,
        submittedAt: true,
        statusChangedAt: true,
        createdAt: true,
        service: { select: { id: true, name: true } },
        enrolment: { select: { status: true, accessProfileCode: true } },
      },
    }),
    otherIds.length > 0
      ? db().organization.findMany({ where: { id: { in: otherIds } }, orderBy: { legalName: "asc" }, select: { id: true, legalName: true } })
      : Promise.resolve([]),
  ]);
  if (!organization) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  return {
    organization,
    otherOrganizations,
    applications: applications.map((a) => ({
      id: a.id,
      serviceId: a.service.id,
      serviceName: a.service.name,
      kind: a.kind,
      kindLabel: APPLICATION_KIND_LABELS[a.kind],
      amendmentReasonLabel: a.amendmentReason ? AMENDMENT_REASON_LABELS[a.amendmentReason] : null,
      status: a.status,
      statusLabel: APPLICATION_STATUS_LABELS[a.status],
      open: isOpenApplication(a.status),
      submittedAt: a.submittedAt,
      statusChangedAt: a.statusChangedAt,
      createdAt: a.createdAt,
      enrolment: a.enrolment
        ? { statusLabel: ENROLMENT_STATUS_LABELS[a.enrolment.status], accessProfileCode: a.enrolment.accessProfileCode }
        : null,
    })),
  };
}

export type OrganizationApplications = Awaited<ReturnType<typeof organizationApplications>>;
