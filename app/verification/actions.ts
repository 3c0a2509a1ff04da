"use server";

import type { AttestationVerification } from "@/lib/attestations/verification-result";
import { verifyAttestationUpload, VERIFICATION_FILE_FIELD } from "@/lib/attestations/verification.server";
import { formResultFromError } from "@/lib/form-result";

export type VerificationState = {
  ok: boolean;
  fieldErrors: Record<string, string>;
  formError?: string;
  result?: AttestationVerification;
};

/** Public and read-only: anyone may check a PDF; nothing is stored. */
export async function verifyAttestationAction(_previous: VerificationState | null, formData: FormData): Promise<VerificationState> {
  try {
    const result = await verifyAttestationUpload(formData.get(VERIFICATION_FILE_FIELD));
    return { ok: true, fieldErrors: {}, result };
  } catch (error) {
    return formResultFromError(error);
  }
}
