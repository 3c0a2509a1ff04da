"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session.server";
import type { CertificateCheckReport } from "@/lib/certificates/certificate-policy";
import { uploadServiceCertificate } from "@/lib/certificates/service-certificates.server";
import { formResultFromError } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import { fileOrText } from "@/lib/chosen-file";

export type CertificateUploadState = {
  ok: boolean;
  fieldErrors: Record<string, string>;
  formError?: string;
  report?: CertificateCheckReport;
  notes: string[];
  /** Where the error belongs: under the file input or under the pasted text. */
  source?: "file" | "text";
};

export async function uploadCertificateAction(_previous: CertificateUploadState | null, formData: FormData): Promise<CertificateUploadState> {
  const actor = await getActor();
  if (!actor) return { ok: false, fieldErrors: {}, formError: "Votre session a expiré : reconnectez-vous.", notes: [] };
  const chosen = fileOrText(formData.get("certificateFile"), formData.get("certificateText"));
  const bytes = "file" in chosen ? new Uint8Array(await chosen.file.arrayBuffer()) : undefined;
  const pasted = "text" in chosen ? chosen.text : undefined;
  const source = chosen.kind === "text" ? "text" : "file";
  try {
    const result = await uploadServiceCertificate(
      actor,
      {
        serviceId: formData.get("serviceId"),
        environment: formData.get("environment"),
        fileBytes: bytes,
        pastedText: pasted,
      },
      await currentRequestContext(),
    );
    if (result.ok) {
      revalidatePath(`/editeur/services/${String(formData.get("serviceId"))}`, "layout");
      return { ok: true, fieldErrors: {}, report: result.report, notes: result.notes };
    }
    return { ok: false, fieldErrors: result.fieldErrors, report: result.report, notes: result.notes, source };
  } catch (error) {
    return { ...formResultFromError(error), notes: [], source };
  }
}
