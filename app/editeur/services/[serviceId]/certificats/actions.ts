"use server";

import { uploadCertificateFromForm, type CertificateUploadState } from "@/lib/certificates/certificate-upload.server";
import { signedInAction } from "@/lib/form-action.server";
import { uploadFromFormData } from "@/lib/uploads/form-data-upload";
import { SERVICE_CERTIFICATE_UPLOAD } from "@/lib/uploads/upload-kinds";

export type { CertificateUploadState };

/**
 * The form posted without JavaScript (within the small server-action body limit); with JavaScript it sends to
 * POST /api/services/<id>/certificats instead (ADR 0026).
 */
export async function uploadCertificateAction(_previous: CertificateUploadState | null, formData: FormData): Promise<CertificateUploadState> {
  const serviceId = String(formData.get("serviceId") ?? "");
  return signedInAction(async (actor, request) => uploadCertificateFromForm(actor, serviceId, await uploadFromFormData(formData, SERVICE_CERTIFICATE_UPLOAD), request), {
    answer: (state) => state,
    revalidate: (state) => (state.ok ? [{ path: `/editeur/services/${serviceId}`, type: "layout" }] : []),
  });
}
