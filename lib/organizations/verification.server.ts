import "server-only";
// ANS's verification of an organisation and its suspension (issue 22, ADR 0047): the evidence its people upload (a
// register extract, maybe a delegation of authority, PDFs stored in Postgres), a reviewer's verification or refusal,
// an administrator's suspension and reinstatement. Each act: one transaction, its event, its mail.
import { refreshGatewayEntriesOfOrganization } from "../whitelist/gateway-entries.server";
import { z } from "zod";
import { can, type Actor } from "../auth/permissions";
import { revokeUserSessions } from "../auth/sessions.server";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { storeFile } from "../files/stored-files.server";
import { queueMail } from "../mail/outbox.server";
import { organizationVerificationPath } from "../paths";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { requireCleanFiles } from "../uploads/malware-scan.server";
import { filesIn, textIn, type ReceivedUpload } from "../uploads/received-upload";
import { INVALID_FORM } from "../validation";
import { ORGANIZATION_NOT_FOUND, parseRecordId, requireMembershipInTransaction, requireOrganizationAction } from "./organization-access.server";
import { organizationEmails } from "./recipients.server";
import { EVIDENCE_MESSAGES, isPdf, MAX_EVIDENCE_PDF_BYTES } from "./evidence-rules";
import { extractDateProblem, organizationTransition, type OrganizationDecision, type OrganizationStatus } from "./status";
import { organizationStatusMails } from "./verification-mail-texts";

export const SUSPENDED_PAGE_PATH = "/compte/organisation-suspendue";

type LockedOrganization = { id: string; legalName: string; status: OrganizationStatus; statusBeforeSuspension: OrganizationStatus | null };

async function lockOrganization(tx: Tx, organizationId: string): Promise<LockedOrganization> {
  const rows = await tx.$queryRaw<LockedOrganization[]>`
    SELECT "id"::text AS "id", "legalName", "status"::text AS "status", "statusBeforeSuspension"::text AS "statusBeforeSuspension"
    FROM "Organization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
  const organization = rows[0];
  if (!organization) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  return organization;
}

async function mailPeople(tx: Tx, organizationId: string, mail: { subject: string; text: string; kind: string }) {
  await queueMail(tx, (await organizationEmails(tx, organizationId)).map((to) => ({ to, ...mail })));
}

const evidenceKind = z.enum(["REGISTER_EXTRACT", "DELEGATION"], { error: EVIDENCE_MESSAGES.kind });
const documentDate = z
  .string({ error: EVIDENCE_MESSAGES.date })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, EVIDENCE_MESSAGES.date)
  .transform((v) => new Date(`${v}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), EVIDENCE_MESSAGES.date);

/**
 * A member uploads a register extract or a delegation of authority (PDF, its date stated). Someone else's
 * organisation answers 404. A refused organisation that uploads a new extract waits for verification again.
 */
export async function uploadOrganizationEvidence(actor: Actor, rawOrganizationId: unknown, upload: ReceivedUpload, request: RequestContext, now: Date = new Date()) {
  const organizationId = parseRecordId(rawOrganizationId, ORGANIZATION_NOT_FOUND);
  requireOrganizationAction(actor, { type: "organization.update", organizationId });
  const errors: Record<string, string> = {};
  const kind = evidenceKind.safeParse(textIn(upload, "kind"));
  if (!kind.success) errors.kind = EVIDENCE_MESSAGES.kind;
  const date = documentDate.safeParse(textIn(upload, "documentDate") ?? "");
  if (!date.success) errors.documentDate = EVIDENCE_MESSAGES.date;
  else {
    const problem = extractDateProblem(date.data, now);
    if (problem) errors.documentDate = problem;
  }
  const file = filesIn(upload, "document")[0];
  if (!file || file.bytes.byteLength === 0) errors.document = EVIDENCE_MESSAGES.missing;
  else if (file.bytes.byteLength > MAX_EVIDENCE_PDF_BYTES) errors.document = EVIDENCE_MESSAGES.tooLarge(file.name);
  else if (!isPdf(file.bytes)) errors.document = EVIDENCE_MESSAGES.notPdf;
  if (Object.keys(errors).length > 0 || !kind.success || !date.success || !file) throw new AppError("VALIDATION", INVALID_FORM, errors);
  await requireCleanFiles([{ field: "document", name: file.name, bytes: file.bytes }]);

  return db().$transaction(async (tx) => {
    await requireMembershipInTransaction(tx, actor, organizationId);
    const organization = await lockOrganization(tx, organizationId);
    const stored = await storeFile(tx, { fileName: file.name, mediaType: "application/pdf", content: file.bytes, createdById: actor.userId });
    const evidence = await tx.organizationEvidence.create({
      data: { organizationId, kind: kind.data, documentDate: date.data, fileId: stored.id, uploadedById: actor.userId, uploadedAt: now },
      select: { id: true },
    });
    await recordEvent(tx, {
      name: "organization.evidence_uploaded",
      actor: userActor(actor.userId),
      organizationId,
      subjectId: organizationId,
      request,
      payload: { evidenceId: evidence.id, kind: kind.data, documentDate: date.data.toISOString().slice(0, 10), fileSha256: stored.sha256 },
    });
    if (organization.status === "REFUSED" && kind.data === "REGISTER_EXTRACT") {
      await tx.organization.update({
        where: { id: organizationId },
        data: { status: "UNVERIFIED", statusReason: null, statusChangedAt: now, statusChangedById: actor.userId, awaitingVerificationSince: now },
      });
    }
    return { evidenceId: evidence.id };
  });
}

const decisionInput = z.object({
  organizationId: z.unknown(),
  reason: z.string().optional().default(""),
});

function requireRole(actor: Actor, decision: OrganizationDecision) {
  const allowed = decision === "verify" || decision === "refuse" ? can(actor, { type: "organization.verify" }) : can(actor, { type: "organization.suspend" });
  if (!allowed) throw new AppError("FORBIDDEN", decision === "verify" || decision === "refuse" ? "Seule l'ANS vérifie les organisations." : "Seul un administrateur de l'ANS suspend ou rétablit une organisation.");
}

export type OrganizationDecisionResult = { status: OrganizationStatus; sessionsRevoked: number };

/**
 * A reviewer verifies or refuses an organisation; an administrator suspends or reinstates one. Suspension takes the
 * organisation's enrolments out of the whitelist export at once (the export leaves out suspended organisations) and
 * ends its people's sessions; reinstatement restores the status the suspension interrupted.
 */
export async function decideOrganization(
  actor: Actor,
  decision: Exclude<OrganizationDecision, "reset">,
  raw: { organizationId?: unknown; reason?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<OrganizationDecisionResult> {
  requireRole(actor, decision);
  const organizationId = parseRecordId(raw.organizationId, ORGANIZATION_NOT_FOUND);
  const parsed = decisionInput.safeParse(raw);
  const reason = parsed.success && typeof parsed.data.reason === "string" ? parsed.data.reason.trim() : "";
  return db().$transaction(async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    const hasExtract = (await tx.organizationEvidence.count({ where: { organizationId, kind: "REGISTER_EXTRACT" } })) > 0;
    const result = organizationTransition(organization, decision, { reason, hasExtract });
    if (!result.ok) {
      throw new AppError(result.refusal === "status" ? "CONFLICT" : "VALIDATION", result.message, result.refusal === "reason" ? { reason: result.message } : {});
    }
    await tx.organization.update({
      where: { id: organizationId },
      data: {
        status: result.to,
        statusBeforeSuspension: result.statusBeforeSuspension,
        statusReason: decision === "refuse" || decision === "suspend" ? reason : null,
        statusChangedAt: now,
        statusChangedById: actor.userId,
        ...(decision === "verify" || decision === "refuse" ? { awaitingVerificationSince: null } : {}),
      },
    });
    // Suspending takes the organisation's enrolments out of the gateway at once, reinstating brings them back.
    if (decision === "suspend" || decision === "reinstate") await refreshGatewayEntriesOfOrganization(tx, organizationId);
    const link = portalLink(organizationVerificationPath(organizationId));
    const context = { organizationName: organization.legalName, link };
    let sessionsRevoked = 0;
    if (decision === "verify") {
      await recordEvent(tx, { name: "organization.verified", actor: userActor(actor.userId), organizationId, subjectId: organizationId, request, payload: { from: organization.status } });
      await mailPeople(tx, organizationId, organizationStatusMails.verified(context));
    } else if (decision === "refuse") {
      await recordEvent(tx, { name: "organization.refused", actor: userActor(actor.userId), organizationId, subjectId: organizationId, request, payload: { from: organization.status, reason } });
      await mailPeople(tx, organizationId, organizationStatusMails.refused(context));
    } else if (decision === "suspend") {
      const members = await tx.membership.findMany({ where: { organizationId }, select: { userId: true } });
      for (const member of members) {
        sessionsRevoked += await revokeUserSessions(tx, { userId: member.userId, reason: "ORGANIZATION_SUSPENDED", actorId: actor.userId, request }, now);
      }
      const enrolmentsInForce = await tx.enrolment.count({ where: { organizationId, status: "ACTIVE" } });
      await recordEvent(tx, {
        name: "organization.suspended",
        actor: userActor(actor.userId),
        organizationId,
        subjectId: organizationId,
        request,
        payload: { from: organization.status, reason, enrolmentsInForce, sessionsRevoked },
      });
      await mailPeople(tx, organizationId, organizationStatusMails.suspended({ ...context, link: portalLink(SUSPENDED_PAGE_PATH) }));
    } else {
      await recordEvent(tx, { name: "organization.reinstated", actor: userActor(actor.userId), organizationId, subjectId: organizationId, request, payload: { to: result.to } });
      await mailPeople(tx, organizationId, organizationStatusMails.reinstated(context));
    }
    return { status: result.to, sessionsRevoked };
  });
}

/**
 * Inside the transaction of a change that ANS must check again (a new legal representative, a new SIRET or legal
 * name): the organisation goes back to non vérifiée and its people are asked for evidence. Enrolments in force stay.
 */
export async function resetOrganizationVerification(
  tx: Tx,
  input: { organizationId: string; actorId: string; cause: "legal_representative_named" | "siret_changed" | "legal_name_changed"; request?: RequestContext },
  now: Date = new Date(),
): Promise<boolean> {
  const organization = await lockOrganization(tx, input.organizationId);
  if (organization.status === "UNVERIFIED" || (organization.status === "SUSPENDED" && organization.statusBeforeSuspension === "UNVERIFIED")) return false;
  const result = organizationTransition(organization, "reset");
  if (!result.ok) return false;
  await tx.organization.update({
    where: { id: input.organizationId },
    data: { status: result.to, statusBeforeSuspension: result.statusBeforeSuspension, statusReason: result.to === "SUSPENDED" ? undefined : null, statusChangedAt: now, awaitingVerificationSince: now },
  });
  await recordEvent(tx, {
    name: "organization.verification_reset",
    actor: userActor(input.actorId),
    organizationId: input.organizationId,
    subjectId: input.organizationId,
    request: input.request,
    payload: { from: organization.status, cause: input.cause },
  });
  const what = {
    legal_representative_named: "Un nouveau représentant légal a été désigné",
    siret_changed: "Le numéro SIRET de l'organisation a changé",
    legal_name_changed: "La raison sociale de l'organisation a changé",
  }[input.cause];
  await mailPeople(tx, input.organizationId, organizationStatusMails.verificationNeeded({ organizationName: organization.legalName, link: portalLink(organizationVerificationPath(input.organizationId)), what }));
  return true;
}

/** The PDF of one piece of evidence, for the organisation's members and ANS reviewers; anyone else gets 404. */
export async function organizationEvidenceFile(actor: Actor, rawEvidenceId: unknown) {
  const evidenceId = parseRecordId(rawEvidenceId, "Justificatif introuvable.");
  const evidence = await db().organizationEvidence.findUnique({
    where: { id: evidenceId },
    select: { organizationId: true, file: { select: { fileName: true, mediaType: true, content: true } } },
  });
  if (!evidence || !can(actor, { type: "organization.read", organizationId: evidence.organizationId })) throw new AppError("NOT_FOUND", "Justificatif introuvable.");
  return evidence.file;
}
