import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import { requireManagedServiceInTransaction, SERVICE_NOT_FOUND } from "../services/service-access.server";
import { applicationStateOf } from "./checklist.server";
import { applicationOpening, type AmendmentReason, type ApplicationKind } from "./lifecycle";
import { type EnrolmentStatus } from "../enrolments/status";
import { searchTextOf } from "./snapshot";

// Shared by createDraft and openAmendment: inside their transaction, lock the service, check that it may get a
// new application of this kind, and create it as a draft. One open application per service: the service row
// lock serialises two openings, and the unique `openServiceId` column makes it a database guarantee.

export type OpenedApplication = { applicationId: string; version: number; previousEnrolmentId: string | null };

export async function openApplicationInTransaction(
  tx: Tx,
  actor: Actor,
  serviceId: string,
  kind: ApplicationKind,
  amendment: { reason: AmendmentReason; note: string | null } | null,
  request: RequestContext,
  now: Date,
): Promise<OpenedApplication & { organizationId: string }> {
  const { organizationId } = await requireManagedServiceInTransaction(tx, actor, serviceId);
  // One query at a time: a transaction is one connection.
  const open = await tx.application.findUnique({ where: { openServiceId: serviceId }, select: { status: true } });
  const inForce = await tx.enrolment.findUnique({ where: { currentServiceId: serviceId }, select: { id: true, status: true } });
  const opening = applicationOpening({
    kind,
    role: "editor",
    openApplication: open?.status ?? null,
    enrolmentInForce: (inForce?.status as EnrolmentStatus | undefined) ?? null,
  });
  if (!opening.ok) throw new AppError("CONFLICT", opening.message);

  const state = await applicationStateOf(tx, serviceId, now);
  if (!state) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);
  const { queueFields } = state;
  const application = await tx.application.create({
    data: {
      serviceId,
      organizationId,
      kind,
      status: "DRAFT",
      openServiceId: serviceId,
      requestedProfileId: queueFields.requestedProfileId,
      requestedProfileCode: queueFields.requestedProfileCode,
      amendmentReason: amendment?.reason ?? null,
      amendmentNote: amendment?.note ?? null,
      previousEnrolmentId: kind === "AMENDMENT" ? (inForce?.id ?? null) : null,
      organizationName: queueFields.organizationName,
      organizationSiret: queueFields.organizationSiret,
      serviceName: queueFields.serviceName,
      searchText: searchTextOf({ organizationName: queueFields.organizationName, siret: queueFields.organizationSiret, serviceName: queueFields.serviceName }),
      statusChangedAt: now,
      createdAt: now,
      createdById: actor.userId,
    },
    select: { id: true, version: true, previousEnrolmentId: true },
  });
  const opened = { actor: userActor(actor.userId), organizationId, subjectId: application.id, request };
  if (amendment) {
    await recordEvent(tx, {
      ...opened,
      name: "application.amendment_opened",
      payload: { serviceId, kind, reason: amendment.reason, previousEnrolmentId: application.previousEnrolmentId },
    });
  } else {
    await recordEvent(tx, { ...opened, name: "application.created", payload: { serviceId, kind } });
  }
  return { applicationId: application.id, version: application.version, previousEnrolmentId: application.previousEnrolmentId, organizationId };
}
