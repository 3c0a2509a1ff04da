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
import { requestChangesSchema } from "./review-input";

/**
 * A reviewer sends a submitted application back to the editor with a message (posted in the thread too).
 * The dossier waits for the editor (CHANGES_REQUESTED) until they resubmit.
 */
export async function requestChanges(actor: Actor, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<{ version: number; messageId: string }> {
  return decideOnApplication(actor, raw, requestChangesSchema, async (tx, application, { message }) => {
    const applicationId = application.id;
    const to = requireTransition(application.status, "reviewer", { transition: "requestChanges", message }, "message");
    const next = await updateApplication(tx, application, { status: to, statusChangedAt: now });
    const posted = await tx.applicationMessage.create({
      data: { applicationId, authorId: actor.userId, side: "REVIEWER", body: message, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, {
      name: "application.changes_requested",
      actor: userActor(actor.userId),
      organizationId: application.organizationId,
      subjectId: applicationId,
      request,
      payload: { messageId: posted.id, submission: application.submissionCount, message },
    });
    await mailOrganization(tx, application, editorMails.changesRequested);
    return { version: next, messageId: posted.id };
  });
}
