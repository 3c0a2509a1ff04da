import { recordAudit } from "../audit.server";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import type { RequestContext } from "../request.server";
import {
  lockApplication,
  mailOrganization,
  parseApplicationRef,
  recordTimeline,
  requireEditorOf,
  requireTransition,
  requireVersion,
  updateApplication,
} from "./application-records.server";
import { editorMails } from "./mail-texts";

/**
 * An editor withdraws a draft, submitted or changes-requested application: it is closed (WITHDRAWN) and the
 * service may get a new one. For an amendment, the enrolment in force is untouched.
 */
export async function withdrawApplication(actor: Actor, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<{ version: number }> {
  const { applicationId, version } = parseApplicationRef(raw);
  return db().$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    await requireEditorOf(tx, actor, application);
    requireVersion(application, version);
    const to = requireTransition(application.status, "editor", { transition: "withdraw" });
    const next = await updateApplication(tx, application, { status: to, openServiceId: null, statusChangedAt: now, decidedAt: now });
    await recordTimeline(tx, { applicationId, type: "withdrawn", actorId: actor.userId, occurredAt: now, data: { from: application.status } });
    await recordAudit(tx, {
      type: "application.withdrawn",
      actorId: actor.userId,
      organizationId: application.organizationId,
      subject: { type: "Application", id: applicationId },
      request,
      data: { from: application.status },
    });
    await mailOrganization(tx, application, editorMails.withdrawn);
    return { version: next };
  });
}
