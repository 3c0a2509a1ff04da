import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { decideOnApplication } from "./decision.server";
import {
  mailOrganization,
  requireTransition,
  updateApplication,
} from "../applications/application-records.server";
import { editorMails } from "../applications/mail-texts";
import { refuseSchema } from "./review-input";

/**
 * A reviewer refuses an application, with a reason. Final. For an amendment, the enrolment in force stays as it
 * was: nothing of it is touched.
 */
export async function refuseApplication(actor: Actor, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<{ version: number }> {
  return decideOnApplication(actor, raw, refuseSchema, async (tx, application, { reason }) => {
    const applicationId = application.id;
    const to = requireTransition(application.status, "reviewer", { transition: "refuse", reason }, "reason");
    const next = await updateApplication(tx, application, {
      status: to,
      openServiceId: null,
      statusChangedAt: now,
      decidedAt: now,
      decidedById: actor.userId,
      decisionReason: reason,
    });
    await recordEvent(tx, {
      name: "application.refused",
      actor: userActor(actor.userId),
      organizationId: application.organizationId,
      subjectId: applicationId,
      request,
      payload: { kind: application.kind, submission: application.submissionCount, reason },
    });
    await mailOrganization(tx, application, editorMails.refused);
    return { version: next };
  });
}
