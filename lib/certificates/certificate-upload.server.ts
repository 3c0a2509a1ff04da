import "server-only";
// A service certificate sent by the upload form (ADR 0026): a file read as a stream by
// POST /api/services/<id>/certificats, or from the form posted without JavaScript; or PEM text pasted.
import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { filesIn, textIn, type ReceivedUpload } from "../uploads/read-upload.server";
import type { CertificateCheckReport } from "./certificate-policy";
import { uploadServiceCertificate } from "./service-certificates.server";

export type CertificateUploadState = {
  ok: boolean;
  fieldErrors: Record<string, string>;
  formError?: string;
  report?: CertificateCheckReport;
  notes?: string[];
  /** Where the error belongs: under the file input or under the pasted text. */
  source?: "file" | "text";
};

/** The form's state after the upload; AppErrors (service not found, forbidden) are thrown. */
export async function uploadCertificateFromForm(actor: Actor, serviceId: unknown, upload: ReceivedUpload, request: RequestContext): Promise<CertificateUploadState> {
  const file = filesIn(upload, "certificateFile")[0];
  const source = file ? "file" : "text";
  const result = await uploadServiceCertificate(
    actor,
    { serviceId, environment: textIn(upload, "environment"), fileBytes: file?.bytes, pastedText: textIn(upload, "certificateText") },
    request,
  );
  if (result.ok) return { ok: true, fieldErrors: {}, report: result.report, notes: result.notes };
  return { ok: false, fieldErrors: result.fieldErrors, report: result.report, notes: result.notes, source };
}
