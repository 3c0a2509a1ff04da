import "server-only";
import { refreshGatewayEntries } from "../whitelist/gateway-entries.server";
import { recordEvent } from "../events/record.server";
import { portalLink } from "../portal-link.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import { requireVersion } from "../concurrency";
import { queueMail } from "../mail/outbox.server";
import { organizationEmails } from "../organizations/recipients.server";
import { editorApplicationPath } from "../paths";
import { ENROLMENT_MODIFIED_MEANWHILE } from "./change-input";
import { enrolmentTransition, type EnrolmentTransition } from "./status";
import { enrolmentMails } from "./mail-texts";
import { lockEnrolment, parseEnrolmentRef } from "./records.server";

export type EnrolmentChange = Exclude<EnrolmentTransition, "supersede">;

const EFFECTS = {
  suspend: "enrolment.suspended",
  reinstate: "enrolment.reinstated",
  revoke: "enrolment.revoked",
} as const satisfies Record<EnrolmentChange, string>;

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
    await refreshGatewayEntries(tx, [enrolmentId]);
    await recordEvent(tx, {
      name: EFFECTS[change],
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
    const mail = enrolmentMails[change]({
      serviceName: application.serviceName,
      organizationName: application.organizationName,
      link: portalLink(editorApplicationPath(application.id)),
    });
    await queueMail(tx, (await organizationEmails(tx, application.organizationId)).map((to) => ({ to, ...mail })));
    return { version: version + 1 };
  });
}
