"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { validatePlatinesSubmission } from "@/lib/platines/submissions.server";
import { currentRequestContext } from "@/lib/request.server";

export type ValidationState = FormResult | { ok: true };

export async function validatePlatinesAction(_previous: ValidationState | null, formData: FormData): Promise<ValidationState> {
  const actor = await requireActor("/instruction");
  try {
    const { serviceId } = await validatePlatinesSubmission(actor, formData.get("submissionId"), { note: formData.get("note") ?? undefined }, await currentRequestContext());
    revalidatePath(`/instruction/services/${serviceId}/platines`);
    return { ok: true };
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    return formResultFromError(error);
  }
}
