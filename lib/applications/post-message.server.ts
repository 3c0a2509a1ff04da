import "server-only";
import { z } from "zod";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import {
  APPLICATION_NOT_FOUND,
  lockApplication,
  mailOrganization,
  mailReviewers,
  requireEditorOf,
  requireReviewer,
  validationError,
} from "./application-records.server";
import { editorMails, reviewerMails } from "./mail-texts";
import { MESSAGE_MAX_LENGTH, MESSAGE_TEXT_MESSAGES, reviewText } from "../message-text";
import { recordId } from "../organizations/organization-schema";

const messageSchema = z.object({ body: reviewText() });

/**
 * A message in the thread of an application, from the editor's side (a member of its organisation) or the
 * reviewers' side (ANS). The route says which side it serves; the actor must belong to it. Reviewers never see
 * drafts, so there is no thread on a draft. A message does not change the dossier, so it needs no version.
 * The other side is notified by e-mail (without the text, which stays on the portal).
 */
export async function postMessage(
  actor: Actor,
  raw: { applicationId?: unknown; body?: unknown; side?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ messageId: string }> {
  const side = raw?.side === "reviewer" ? "reviewer" : raw?.side === "editor" ? "editor" : null;
  if (!side) throw new AppError("FORBIDDEN", "Action inconnue.");
  if (side === "reviewer") requireReviewer(actor);
  const id = recordId.safeParse(raw.applicationId);
  if (!id.success) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  // Cheap cap before any other work on a huge body.
  if (typeof raw.body === "string" && raw.body.length > MESSAGE_MAX_LENGTH * 4) {
    throw new AppError("VALIDATION", MESSAGE_TEXT_MESSAGES.tooLong, { body: MESSAGE_TEXT_MESSAGES.tooLong });
  }
  const parsed = messageSchema.safeParse({ body: raw.body });
  if (!parsed.success) throw validationError(parsed.error);
  const { body } = parsed.data;

  return db().$transaction(async (tx) => {
    // Locked so that a message and a decision on the same dossier are ordered in the timeline.
    const application = await lockApplication(tx, id.data);
    if (side === "editor") await requireEditorOf(tx, actor, application);
    if (application.status === "DRAFT") throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
    const message = await tx.applicationMessage.create({
      data: { applicationId: application.id, authorId: actor.userId, side: side === "editor" ? "EDITOR" : "REVIEWER", body, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, {
      name: "application.message_posted",
      actor: userActor(actor.userId),
      organizationId: application.organizationId,
      subjectId: application.id,
      request,
      payload: { side, messageId: message.id, length: body.length },
    });
    if (side === "editor") await mailReviewers(tx, application, reviewerMails.message);
    else await mailOrganization(tx, application, editorMails.message);
    return { messageId: message.id };
  });
}
