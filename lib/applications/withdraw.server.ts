import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import type { RequestContext } from "../request.server";
import {
  lockApplication,
  mailOrganization,
  parseApplicationRef,
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
    await recordEvent(tx, {
      name: "application.withdrawn",
      actor: userActor(actor.userId),
      organizationId: application.organizationId,
      subjectId: applicationId,
      request,
      payload: { from: application.status },
    });
    await mailOrganization(tx, application, editorMails.withdrawn);
    return { version: next };
  });
}
