import "server-only";
// The public verification's upload (ADR 0026): one PDF read as a stream by POST /api/verification, or from the form
// posted without JavaScript. Anonymous callers count against the verification limit (ADR 0027); nothing is stored.
import { filesIn, type ReceivedUpload } from "../uploads/read-upload.server";
import type { PublicUpload } from "../uploads/upload-endpoint.server";
import { VERIFICATION_UPLOAD } from "../uploads/upload-kinds";
import type { AttestationVerification } from "./verification-result";
import { VERIFICATION_FILE_FIELD, verifyAttestationFile } from "./verification.server";

export type VerificationAnswer = { ok: true; fieldErrors: Record<string, never>; result: AttestationVerification };

export async function verifyUploadedAttestation(upload: ReceivedUpload): Promise<VerificationAnswer> {
  const result = await verifyAttestationFile(filesIn(upload, VERIFICATION_FILE_FIELD)[0] ?? null);
  return { ok: true, fieldErrors: {}, result };
}

export const VERIFICATION_ENDPOINT: PublicUpload<VerificationAnswer> = {
  kind: VERIFICATION_UPLOAD,
  anonymousLimit: "verification",
  handle: ({ upload }) => verifyUploadedAttestation(upload),
};
