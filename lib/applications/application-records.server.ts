import "server-only";
import { z } from "zod";
import { portalLink } from "../portal-link.server";
import { can, type Actor } from "../auth/permissions";
import { requireVersion as requireVersionOf, versionFieldWith } from "../concurrency";
import type { Tx } from "../db.server";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { queueMail } from "../mail/outbox.server";
import { recordId } from "../organizations/organization-schema";
import { INVALID_FORM, invalidForm } from "../validation";
import { ROLE_MESSAGES } from "../lifecycle-rules";
import { applicationTransition, type ApplicationStatus, type ApplicationTransitionInput, type LifecycleRole } from "./lifecycle";
import type { MailText } from "../mail/text";
import { organizationEmails } from "../organizations/recipients.server";
import type { ApplicationMailContext } from "./mail-texts";
import { editorApplicationPath, reviewApplicationPath } from "../paths";

// Shared by the application and review use cases: locking an application with its version check, and the
// recipients of the review's e-mails.

export const APPLICATION_NOT_FOUND = "Ce dossier est introuvable ou n'appartient pas à votre organisation.";
export const MODIFIED_MEANWHILE =
  "Le dossier a été modifié entre-temps par quelqu'un d'autre. Rechargez la page pour voir son état à jour ; votre action n'a pas été appliquée.";
export const REVIEWERS_ONLY = ROLE_MESSAGES.reviewer;
export { INVALID_FORM };

/** The version the person saw: a positive integer, sent by the form as text or number. */
export const versionField = versionFieldWith(MODIFIED_MEANWHILE);

export function validationError(error: z.ZodError): AppError {
  return invalidForm(error);
}

/** The application id and version of an action's input; an unreadable id is a missing dossier, a bad version a conflict. */
export function parseApplicationRef(raw: unknown): { applicationId: string; version: number } {
  const input = (typeof raw === "object" && raw !== null ? raw : {}) as { applicationId?: unknown; version?: unknown };
  const id = recordId.safeParse(input.applicationId);
  if (!id.success) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  const version = versionField.safeParse(input.version);
  if (!version.success) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
  return { applicationId: id.data, version: version.data };
}

export type LockedApplication = {
  id: string;
  serviceId: string;
  organizationId: string;
  kind: "NEW" | "AMENDMENT";
  status: ApplicationStatus;
  version: number;
  previousEnrolmentId: string | null;
  submissionCount: number;
  serviceName: string;
  organizationName: string;
  snapshot: Prisma.JsonValue;
};

/**
 * Locks the application row until the transaction ends: two actions on one dossier run one after the other, and
 * the second one then sees the first one's version. Check who acts first, then the version (requireVersion).
 */
export async function lockApplication(tx: Tx, applicationId: string): Promise<LockedApplication> {
  const rows = await tx.$queryRaw<LockedApplication[]>`
    SELECT "id"::text AS "id", "serviceId"::text AS "serviceId", "organizationId"::text AS "organizationId",
           "kind"::text AS "kind", "status"::text AS "status", "version", "previousEnrolmentId"::text AS "previousEnrolmentId",
           "submissionCount", "serviceName", "organizationName", "snapshot"
    FROM "Application" WHERE "id" = ${applicationId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  return row;
}

/** `lockApplication` for the review side: a draft is the editor's alone, so to reviewers it does not exist. */
export async function lockApplicationForReview(tx: Tx, applicationId: string): Promise<LockedApplication> {
  const application = await lockApplication(tx, applicationId);
  if (application.status === "DRAFT") throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  return application;
}

/** The version the person saw must still be the current one: otherwise nothing is applied. */
export function requireVersion(record: { version: number }, expected: number, message = MODIFIED_MEANWHILE): void {
  requireVersionOf(record, expected, message);
}

/** Editor side: the actor must be a member of the dossier's organisation, re-checked in the database. */
export async function requireEditorOf(tx: Tx, actor: Actor, application: { organizationId: string }): Promise<void> {
  if (!can(actor, { type: "application.manage", organizationId: application.organizationId })) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  const membership = await tx.membership.findUnique({
    where: { userId_organizationId: { userId: actor.userId, organizationId: application.organizationId } },
    select: { id: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
}

/** Reviewer side: checked before anything is read, so a forged review action learns nothing. */
export function requireReviewer(actor: Actor, action: "application.review" | "enrolment.manage" = "application.review"): void {
  if (!can(actor, { type: action })) throw new AppError("FORBIDDEN", REVIEWERS_ONLY);
}

/** The state machine's answer, or its French refusal as an AppError. */
export function requireTransition(status: ApplicationStatus, role: LifecycleRole, input: ApplicationTransitionInput, field?: string): ApplicationStatus {
  const result = applicationTransition(status, role, input);
  if (result.ok) return result.to;
  if (result.refusal === "role") throw new AppError("FORBIDDEN", result.message);
  if (result.refusal === "status") throw new AppError("CONFLICT", result.message);
  throw new AppError("VALIDATION", result.message, field ? { [field]: result.message } : {});
}

/** Writes the change with the version check again (belt and braces under the row lock) and bumps the version. */
export async function updateApplication(tx: Tx, application: LockedApplication, data: Prisma.ApplicationUncheckedUpdateManyInput): Promise<number> {
  const { count } = await tx.application.updateMany({
    where: { id: application.id, version: application.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
  return application.version + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Mail

/** Every active ANS reviewer and administrator. */
async function reviewerEmails(tx: Tx): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { status: "ACTIVE", roles: { hasSome: ["ANS_REVIEWER", "ANS_ADMIN"] } },
    orderBy: { createdAt: "asc" },
    select: { email: true },
  });
  return users.map((u) => u.email);
}

function context(application: { id: string; serviceName: string; organizationName: string }, side: "editor" | "reviewer"): ApplicationMailContext {
  const path = side === "editor" ? editorApplicationPath(application.id) : reviewApplicationPath(application.id);
  return { serviceName: application.serviceName, organizationName: application.organizationName, link: portalLink(path) };
}

type MailTarget = { id: string; organizationId: string; serviceName: string; organizationName: string };

/** Queues one e-mail per member of the organisation, in the transaction of the change. */
export async function mailOrganization(tx: Tx, application: MailTarget, build: (c: ApplicationMailContext) => MailText): Promise<void> {
  const text = build(context(application, "editor"));
  const emails = await organizationEmails(tx, application.organizationId);
  await queueMail(tx, emails.map((to) => ({ to, ...text })));
}

/** Queues one e-mail per reviewer, in the transaction of the change. */
export async function mailReviewers(tx: Tx, application: MailTarget, build: (c: ApplicationMailContext) => MailText): Promise<void> {
  const text = build(context(application, "reviewer"));
  const emails = await reviewerEmails(tx);
  await queueMail(tx, emails.map((to) => ({ to, ...text })));
}
