import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import { APPLICATION_NOT_FOUND, lockApplicationForReview, requireReviewer, validationError } from "../applications/application-records.server";
import type { ApplicationMailContext } from "../applications/mail-texts";
import { queueMail } from "../mail/outbox.server";
import { recordId } from "../organizations/organization-schema";
import { portalLink } from "../portal-link.server";
import { reviewApplicationPath } from "../paths";
import { MESSAGE_MAX_LENGTH, MESSAGE_TEXT_MESSAGES } from "../message-text";
import { teamMails } from "./mail-texts";
import { ASSIGNMENT_MESSAGES, assignmentSchema, noteSchema } from "./team-input";

// A review team at work (ADR 0035): who is in charge of a dossier, and the notes ANS staff keep on it. Reviewers
// and administrators only: an editor's attempt is refused before anything is read (403), and nothing of either
// ever reaches an editor's page, download or mail.

const ANS_ROLES = ["ANS_REVIEWER", "ANS_ADMIN"] as const;

/** An active ANS account (reviewer or administrator), or null. */
async function activeReviewer(tx: Tx, userId: string): Promise<{ id: string; name: string; email: string } | null> {
  return tx.user.findFirst({ where: { id: userId, status: "ACTIVE", roles: { hasSome: [...ANS_ROLES] } }, select: { id: true, name: true, email: true } });
}

function reviewerContext(application: { id: string; serviceName: string; organizationName: string }): ApplicationMailContext {
  return { serviceName: application.serviceName, organizationName: application.organizationName, link: portalLink(reviewApplicationPath(application.id)) };
}

/**
 * A reviewer takes a dossier ("je prends ce dossier"), gives it to a colleague, or frees it (nobody: every reviewer
 * is mailed again). The choice is checked against who was in charge when the reviewer chose: if someone else changed
 * it meanwhile, nothing is applied and the reviewer is told who has it now. The colleague is mailed; the change is
 * an event (the history of assignments). Setting the person already in charge changes nothing.
 */
export async function assignApplication(
  actor: Actor,
  raw: { applicationId?: unknown; assigneeId?: unknown; expectedAssigneeId?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ changed: boolean; assigneeId: string | null }> {
  requireReviewer(actor);
  const id = recordId.safeParse(raw?.applicationId);
  if (!id.success) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  const parsed = assignmentSchema.safeParse({ assigneeId: raw.assigneeId, expectedAssigneeId: raw.expectedAssigneeId });
  if (!parsed.success) throw validationError(parsed.error);
  const { assigneeId, expectedAssigneeId } = parsed.data;

  return db().$transaction(async (tx) => {
    const application = await lockApplicationForReview(tx, id.data);
    const current = await tx.application.findUniqueOrThrow({ where: { id: application.id }, select: { assigneeId: true, assignee: { select: { name: true } } } });
    if (current.assigneeId === assigneeId) return { changed: false, assigneeId };
    if (current.assigneeId !== expectedAssigneeId) throw new AppError("CONFLICT", ASSIGNMENT_MESSAGES.changedMeanwhile(current.assignee?.name ?? null));
    const assignee = assigneeId ? await activeReviewer(tx, assigneeId) : null;
    if (assigneeId && !assignee) throw new AppError("VALIDATION", ASSIGNMENT_MESSAGES.notAReviewer, { assigneeId: ASSIGNMENT_MESSAGES.notAReviewer });

    const { count } = await tx.application.updateMany({
      where: { id: application.id, assigneeId: current.assigneeId },
      data: { assigneeId, assignedAt: assigneeId ? now : null },
    });
    if (count !== 1) throw new AppError("CONFLICT", ASSIGNMENT_MESSAGES.changedMeanwhile(null));
    await recordEvent(tx, {
      name: "review.assigned",
      actor: userActor(actor.userId),
      organizationId: application.organizationId,
      subjectId: application.id,
      request,
      payload: { from: current.assigneeId, to: assigneeId },
    });
    if (assignee && assignee.id !== actor.userId) {
      const by = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
      await queueMail(tx, { to: assignee.email, ...teamMails.assigned(reviewerContext(application), by.name) });
    }
    return { changed: true, assigneeId };
  });
}

/**
 * A reviewer writes an internal note on a dossier: ANS staff alone read it, on the reviewer's page. The dossier's
 * assignee, when it is someone else, is told there is one (the mail does not quote it).
 */
export async function addInternalNote(
  actor: Actor,
  raw: { applicationId?: unknown; body?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ noteId: string }> {
  requireReviewer(actor);
  const id = recordId.safeParse(raw?.applicationId);
  if (!id.success) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  if (typeof raw.body === "string" && raw.body.length > MESSAGE_MAX_LENGTH * 4) {
    throw new AppError("VALIDATION", MESSAGE_TEXT_MESSAGES.tooLong, { body: MESSAGE_TEXT_MESSAGES.tooLong });
  }
  const parsed = noteSchema.safeParse({ body: raw.body });
  if (!parsed.success) throw validationError(parsed.error);

  return db().$transaction(async (tx) => {
    const application = await lockApplicationForReview(tx, id.data);
    const note = await tx.applicationNote.create({
      data: { applicationId: application.id, authorId: actor.userId, body: parsed.data.body, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, {
      name: "review.note_added",
      actor: userActor(actor.userId),
      organizationId: application.organizationId,
      subjectId: application.id,
      request,
      payload: { noteId: note.id, length: parsed.data.body.length },
    });
    const row = await tx.application.findUniqueOrThrow({ where: { id: application.id }, select: { assigneeId: true } });
    if (row.assigneeId && row.assigneeId !== actor.userId) {
      const assignee = await activeReviewer(tx, row.assigneeId);
      const by = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
      if (assignee) await queueMail(tx, { to: assignee.email, ...teamMails.note(reviewerContext(application), by.name) });
    }
    return { noteId: note.id };
  });
}


