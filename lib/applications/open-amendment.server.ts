import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { parseRecordId } from "../organizations/organization-access.server";
import type { RequestContext } from "../request.server";
import { requireServiceAccess, SERVICE_NOT_FOUND } from "../service-access.server";
import { lockApplication, validationError } from "./application-records.server";
import { applicationStateOf } from "./checklist.server";
import { AMENDMENT_REASONS } from "./lifecycle";
import { MESSAGE_MAX_LENGTH, reviewText } from "../message-text";
import { openApplicationInTransaction } from "./open-application.server";
import { submitInTransaction, type SubmitResult } from "./submit.server";
import { formatDate } from "../time";

const amendmentSchema = z.object({
  reason: z.enum(AMENDMENT_REASONS, { error: "Choisissez l'objet de la demande de modification." }),
  note: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), reviewText().optional()),
  submitNow: z.boolean().optional(),
});

export const RENEWAL_NEEDS_NEW_CERTIFICATE =
  "Déposez d'abord le nouveau certificat du service : aucun certificat en vigueur ou programmé n'est différent de ceux de l'habilitation.";

/**
 * An editor opens an amendment of an enrolled service (DataPass "reopening"): any change of certificate, URL,
 * function or requested profile goes back to review, while the current enrolment stays in force until the
 * amendment is approved.
 *
 * Certificate renewal is the short path: with reason CERTIFICATE_RENEWAL the note is pre-filled with the new
 * certificate(s), a new certificate absent from the enrolment is required, and `submitNow: true` submits it in
 * the same transaction (when the checklist is complete; otherwise nothing is opened).
 */
export async function openAmendment(
  actor: Actor,
  raw: { serviceId?: unknown; reason?: unknown; note?: unknown; submitNow?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ applicationId: string; version: number; submission: SubmitResult | null }> {
  const serviceId = parseRecordId(raw?.serviceId, SERVICE_NOT_FOUND);
  await requireServiceAccess(actor, serviceId, "service.manage");
  const parsed = amendmentSchema.safeParse({ reason: raw.reason, note: raw.note, submitNow: raw.submitNow === true || raw.submitNow === "true" || raw.submitNow === "on" });
  if (!parsed.success) throw validationError(parsed.error);
  const { reason, submitNow } = parsed.data;

  return db().$transaction(async (tx) => {
    let note = parsed.data.note ?? null;
    if (reason === "CERTIFICATE_RENEWAL") {
      const state = await applicationStateOf(tx, serviceId, now);
      const inForce = await tx.enrolment.findUnique({ where: { currentServiceId: serviceId }, select: { certificateFingerprints: true } });
      if (!state) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);
      const granted = new Set(inForce?.certificateFingerprints ?? []);
      const renewed = state.snapshot.certificates.filter((c) => !granted.has(c.fingerprintSha256) && c.verdict !== "error" && c.verdict !== null);
      if (inForce && renewed.length === 0) throw new AppError("VALIDATION", RENEWAL_NEEDS_NEW_CERTIFICATE);
      const prefilled = `Renouvellement de certificat : ${renewed.map((c) => `${c.subjectDn} (${c.environment === "TEST" ? "test" : "production"}, valide jusqu'au ${formatDate(new Date(c.notAfter))}, empreinte SHA-256 ${c.fingerprintSha256})`).join(" ; ")}.`;
      note = note ?? (prefilled.length <= MESSAGE_MAX_LENGTH ? prefilled : prefilled.slice(0, MESSAGE_MAX_LENGTH));
    }
    const opened = await openApplicationInTransaction(tx, actor, serviceId, "AMENDMENT", { reason, note }, request, now);
    if (!submitNow) return { applicationId: opened.applicationId, version: opened.version, submission: null };
    const application = await lockApplication(tx, opened.applicationId);
    const submission = await submitInTransaction(tx, actor, application, request, now);
    return { applicationId: opened.applicationId, version: submission.version, submission };
  });
}

