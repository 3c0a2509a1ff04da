import { recordAudit } from "../audit.server";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import {
  ENROLMENT_MODIFIED_MEANWHILE,
  mailOrganization,
  recordTimeline,
  requireVersion,
  type TimelineEventType,
} from "../applications/application-records.server";
import { enrolmentTransition, type EnrolmentTransition } from "../applications/lifecycle";
import { editorMails, type ApplicationMailContext, type MailText } from "../applications/mail-texts";
import { lockEnrolment, parseEnrolmentRef } from "./enrolment-records.server";

export type EnrolmentChange = Exclude<EnrolmentTransition, "supersede">;

const EFFECTS = {
  suspend: { audit: "enrolment.suspended", timeline: "enrolment_suspended", history: "suspended", mail: editorMails.suspended },
  reinstate: { audit: "enrolment.reinstated", timeline: "enrolment_reinstated", history: "reinstated", mail: editorMails.reinstated },
  revoke: { audit: "enrolment.revoked", timeline: "enrolment_revoked", history: "revoked", mail: editorMails.revoked },
} as const satisfies Record<EnrolmentChange, { audit: string; timeline: TimelineEventType; history: string; mail: (c: ApplicationMailContext) => MailText }>;

/** Shared by suspend, reinstate and revoke: one transaction with the enrolment locked at the version the reviewer saw. */
export async function changeEnrolment(actor: Actor, change: EnrolmentChange, raw: unknown, reason: string | null, request: RequestContext, now: Date): Promise<{ version: number }> {
  const { enrolmentId, version } = parseEnrolmentRef(raw);
  return db().$transaction(async (tx) => {
    const enrolment = await lockEnrolment(tx, enrolmentId);
    requireVersion(enrolment, version, ENROLMENT_MODIFIED_MEANWHILE);
    const result = enrolmentTransition(enrolment.status, "reviewer", change, reason ?? "");
    if (!result.ok) throw new AppError(result.refusal === "status" ? "CONFLICT" : "VALIDATION", result.message, result.refusal === "reason" ? { reason: result.message } : {});
    const data =
      change === "suspend"
        ? { suspendedAt: now, suspendedById: actor.userId, suspensionReason: reason }
        : change === "reinstate"
          ? { suspendedAt: null, suspendedById: null, suspensionReason: null }
          : { revokedAt: now, revokedById: actor.userId, revocationReason: reason, currentServiceId: null };
    const { count } = await tx.enrolment.updateMany({ where: { id: enrolmentId, version }, data: { ...data, status: result.to, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT", ENROLMENT_MODIFIED_MEANWHILE);
    const effects = EFFECTS[change];
    await tx.enrolmentEvent.create({ data: { enrolmentId, type: effects.history, actorId: actor.userId, occurredAt: now, reason, data: { from: enrolment.status } } });
    await recordTimeline(tx, {
      applicationId: enrolment.applicationId,
      type: effects.timeline,
      actorId: actor.userId,
      occurredAt: now,
      message: reason,
      entity: { type: "Enrolment", id: enrolmentId },
    });
    await recordAudit(tx, {
      type: effects.audit,
      actorId: actor.userId,
      organizationId: enrolment.organizationId,
      subject: { type: "Enrolment", id: enrolmentId },
      request,
      data: { from: enrolment.status, to: result.to, serviceId: enrolment.serviceId },
    });
    const application = await tx.application.findUniqueOrThrow({
      where: { id: enrolment.applicationId },
      select: { id: true, organizationId: true, serviceName: true, organizationName: true },
    });
    await mailOrganization(tx, application, effects.mail);
    return { version: version + 1 };
  });
}
