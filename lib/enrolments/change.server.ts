import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import {
  ENROLMENT_MODIFIED_MEANWHILE,
  mailOrganization,
  requireVersion,
} from "../applications/application-records.server";
import { enrolmentTransition, type EnrolmentTransition } from "./status";
import { editorMails, type ApplicationMailContext, type MailText } from "../applications/mail-texts";
import { lockEnrolment, parseEnrolmentRef } from "./records.server";

export type EnrolmentChange = Exclude<EnrolmentTransition, "supersede">;

const EFFECTS = {
  suspend: { event: "enrolment.suspended", mail: editorMails.suspended },
  reinstate: { event: "enrolment.reinstated", mail: editorMails.reinstated },
  revoke: { event: "enrolment.revoked", mail: editorMails.revoked },
} as const satisfies Record<EnrolmentChange, { event: "enrolment.suspended" | "enrolment.reinstated" | "enrolment.revoked"; mail: (c: ApplicationMailContext) => MailText }>;

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
    await recordEvent(tx, {
      name: effects.event,
      actor: userActor(actor.userId),
      organizationId: enrolment.organizationId,
      subjectId: enrolmentId,
      request,
      payload: { from: enrolment.status, to: result.to, serviceId: enrolment.serviceId, reason },
    });
    const application = await tx.application.findUniqueOrThrow({
      where: { id: enrolment.applicationId },
      select: { id: true, organizationId: true, serviceName: true, organizationName: true },
    });
    await mailOrganization(tx, application, effects.mail);
    return { version: version + 1 };
  });
}
