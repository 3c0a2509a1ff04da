import "server-only";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { requireServiceAccess } from "../services/service-access.server";
import { applicationOpening, AMENDMENT_REASON_LABELS, APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS } from "./lifecycle";
import { ENROLMENT_STATUS_LABELS } from "../enrolments/status";

/**
 * For the service page: its open application (if any), its enrolment in force (if any), its past applications,
 * and which opening the editor may offer now (a first application or an amendment).
 */
export async function serviceApplications(actor: Actor, serviceId: unknown) {
  const access = await requireServiceAccess(actor, serviceId, "service.read");
  const [applications, inForce] = await Promise.all([
    db().application.findMany({
      where: { serviceId: access.serviceId },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, status: true, version: true, amendmentReason: true, submittedAt: true, decidedAt: true, createdAt: true },
    }),
    db().enrolment.findUnique({
      where: { currentServiceId: access.serviceId },
      select: { id: true, status: true, accessProfileCode: true, level2AuthenticatedPerSecond: true, level2PublicPerSecond: true, approvedAt: true, applicationId: true, grant: true },
    }),
  ]);
  const open = applications.find((a) => a.status === "DRAFT" || a.status === "SUBMITTED" || a.status === "CHANGES_REQUESTED") ?? null;
  const manage = can(actor, { type: "application.manage", organizationId: access.organizationId });
  const opening = (kind: "NEW" | "AMENDMENT") =>
    manage && applicationOpening({ kind, role: "editor", openApplication: open?.status ?? null, enrolmentInForce: inForce?.status ?? null }).ok;
  const label = (a: (typeof applications)[number]) => ({
    ...a,
    kindLabel: APPLICATION_KIND_LABELS[a.kind],
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    amendmentReasonLabel: a.amendmentReason ? AMENDMENT_REASON_LABELS[a.amendmentReason] : null,
  });
  return {
    openApplication: open ? label(open) : null,
    enrolmentInForce: inForce ? { ...inForce, statusLabel: ENROLMENT_STATUS_LABELS[inForce.status] } : null,
    history: applications.filter((a) => a !== open).map(label),
    may: { createDraft: opening("NEW"), openAmendment: opening("AMENDMENT") },
  };
}
