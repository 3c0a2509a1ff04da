"use server";

import { enforceAnonymousLimit } from "@/lib/anonymous-limit.server";
import { verifyUploadedAttestation } from "@/lib/attestations/verification-upload.server";
import type { AttestationVerification } from "@/lib/attestations/verification-result";
import { publicAction } from "@/lib/form-action.server";
import { uploadFromFormData } from "@/lib/uploads/form-data-upload";
import { VERIFICATION_UPLOAD } from "@/lib/uploads/upload-kinds";

export type VerificationState = {
  ok: boolean;
  fieldErrors: Record<string, string>;
  formError?: string;
  result?: AttestationVerification;
};

/**
 * The form posted without JavaScript (within the small server-action body limit); with JavaScript the form sends
 * to POST /api/verification instead. Public and read-only: nothing is stored.
 */
export async function verifyAttestationAction(_previous: VerificationState | null, formData: FormData): Promise<VerificationState> {
  return publicAction(
    async (actor, request) => {
      if (!actor) await enforceAnonymousLimit("verification", request);
      return verifyUploadedAttestation(await uploadFromFormData(formData, VERIFICATION_UPLOAD));
    },
    { answer: (answer) => answer },
  );
}
