import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import {
  APPLICATION_NOT_FOUND,
  lockApplication,
  mailOrganization,
  mailReviewers,
  parseApplicationRef,
  requireEditorOf,
  requireTransition,
  requireVersion,
  updateApplication,
  type LockedApplication,
} from "./application-records.server";
import { applicationStateOf } from "./checklist.server";
import { APPLICATION_KIND_LABELS } from "./lifecycle";
import { editorMails, reviewerMails } from "./mail-texts";
import { parseSnapshot, searchTextOf, type ApplicationSnapshot } from "./snapshot";
import { diffSnapshots, type SnapshotChange } from "./snapshot-diff";

export type SubmitResult = { version: number; submissionNumber: number; changes: SnapshotChange[] | null };

/** What the new snapshot is compared with: the previous submission, or for an amendment's first one, what is granted. */
async function previousSnapshot(tx: Tx, application: LockedApplication): Promise<ApplicationSnapshot | null> {
  if (application.submissionCount > 0) return parseSnapshot(application.snapshot);
  if (!application.previousEnrolmentId) return null;
  const enrolment = await tx.enrolment.findUnique({ where: { id: application.previousEnrolmentId }, select: { application: { select: { snapshot: true } } } });
  return enrolment ? parseSnapshot(enrolment.application.snapshot) : null;
}

/**
 * Inside a transaction that holds the application's lock: recompute the checklist from the database (never trust
 * the page), refuse an incomplete dossier, freeze the snapshot with its diff, and notify both sides.
 */
export async function submitInTransaction(tx: Tx, actor: Actor, application: LockedApplication, request: RequestContext, now: Date): Promise<SubmitResult> {
  const state = await applicationStateOf(tx, application.serviceId, now);
  if (!state) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  // Role and status first (a dossier already decided says so), then the checklist, naming what is missing.
  requireTransition(application.status, "editor", { transition: "submit", checklistComplete: true });
  if (!state.checklist.complete) {
    const missing = state.checklist.missing.map((item) => `« ${item.label} »`).join(", ");
    throw new AppError("VALIDATION", `Le dossier est incomplet : ${missing}. Complétez ${state.checklist.missing.length > 1 ? "ces éléments" : "cet élément"} avant de le déposer.`);
  }

  const previous = await previousSnapshot(tx, application);
  const changes = previous ? diffSnapshots(previous, state.snapshot) : null;
  const number = application.submissionCount + 1;
  const snapshotJson = state.snapshot as unknown as Prisma.InputJsonObject;
  const submission = await tx.applicationSubmission.create({
    data: {
      applicationId: application.id,
      number,
      snapshot: snapshotJson,
      diff: changes === null ? undefined : (changes as unknown as Prisma.InputJsonArray),
      submittedAt: now,
      submittedById: actor.userId,
    },
    select: { id: true },
  });
  const { queueFields } = state;
  const version = await updateApplication(tx, application, {
    status: "SUBMITTED",
    snapshot: snapshotJson,
    submissionCount: number,
    submittedAt: now,
    statusChangedAt: now,
    requestedProfileId: queueFields.requestedProfileId,
    requestedProfileCode: queueFields.requestedProfileCode,
    organizationName: queueFields.organizationName,
    organizationSiret: queueFields.organizationSiret,
    serviceName: queueFields.serviceName,
    searchText: searchTextOf({ organizationName: queueFields.organizationName, siret: queueFields.organizationSiret, serviceName: queueFields.serviceName }),
  });

  await recordEvent(tx, {
    name: "application.submitted",
    actor: userActor(actor.userId),
    organizationId: application.organizationId,
    subjectId: application.id,
    request,
    payload: { submissionId: submission.id, number, kind: application.kind, requestedProfile: queueFields.requestedProfileCode, changeCount: changes?.length ?? null },
  });
  const target = { ...application, serviceName: queueFields.serviceName, organizationName: queueFields.organizationName };
  await mailOrganization(tx, target, (c) => editorMails.submitted(c, number));
  await mailReviewers(tx, target, (c) => reviewerMails.submitted(c, number, changes, APPLICATION_KIND_LABELS[application.kind]));
  return { version, submissionNumber: number, changes };
}

/**
 * An editor submits (or resubmits after a request for changes) the application, at the version they saw.
 * Refused when incomplete (VALIDATION, naming the missing items), stale (CONFLICT) or not theirs (NOT_FOUND).
 */
export async function submitApplication(actor: Actor, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<SubmitResult> {
  const { applicationId, version } = parseApplicationRef(raw);
  return db().$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    await requireEditorOf(tx, actor, application);
    requireVersion(application, version);
    return submitInTransaction(tx, actor, application, request, now);
  });
}
