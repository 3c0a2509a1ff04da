"use server";

import { signedInAction } from "@/lib/form-action.server";
import type { FormResult } from "@/lib/form-result";
import { submitPlatinesFromForm } from "@/lib/platines/platines-upload.server";
import { uploadFromFormData } from "@/lib/uploads/form-data-upload";
import { PLATINES_UPLOAD } from "@/lib/uploads/upload-kinds";

/** The typed values come back with a refusal, so the form shows them again (files must be chosen again). */
export type SubmittedValues = { planId: string; sessionType: string; sessionIdentifier: string; ranOn: string };
export type PlatinesSubmissionState = (FormResult & { values: SubmittedValues; attempt: number }) | { ok: true; satisfied: boolean; attempt: number };

/**
 * The form posted without JavaScript (within the small server-action body limit); with JavaScript it sends to
 * POST /api/services/<id>/platines with a progress bar instead (ADR 0026).
 */
export async function submitPlatinesAction(_previous: PlatinesSubmissionState | null, formData: FormData): Promise<PlatinesSubmissionState> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: SubmittedValues = { planId: text("planId"), sessionType: text("sessionType"), sessionIdentifier: text("sessionIdentifier"), ranOn: text("ranOn") };
  const attempt = Date.now();
  const serviceId = text("serviceId");
  const result = await signedInAction(async (actor, request) => submitPlatinesFromForm(actor, serviceId, await uploadFromFormData(formData, PLATINES_UPLOAD), request), {
    answer: (submitted) => ({ ok: true as const, satisfied: submitted.satisfied }),
    revalidate: () => [{ path: `/editeur/services/${serviceId}`, type: "layout" }],
  });
  return result.ok ? { ...result, attempt } : { ...result, values, attempt };
}
