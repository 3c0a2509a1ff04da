"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { submitPlatinesSession, type UploadedFile } from "@/lib/platines/submissions.server";
import { currentRequestContext } from "@/lib/request.server";
import { chosenFile } from "@/lib/chosen-file";

/** The typed values come back with a refusal, so the form shows them again (files must be chosen again). */
export type SubmittedValues = { planId: string; sessionType: string; sessionIdentifier: string; ranOn: string };
export type PlatinesSubmissionState = (FormResult & { values: SubmittedValues; attempt: number }) | { ok: true; satisfied: boolean; attempt: number };

/** A chosen file, read only after the use case has checked its size. */
function uploaded(value: FormDataEntryValue): UploadedFile | null {
  const file = chosenFile(value);
  return file ? { name: file.name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) } : null;
}

export async function submitPlatinesAction(_previous: PlatinesSubmissionState | null, formData: FormData): Promise<PlatinesSubmissionState> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const values: SubmittedValues = {
    planId: text("planId") ?? "",
    sessionType: text("sessionType") ?? "",
    sessionIdentifier: text("sessionIdentifier") ?? "",
    ranOn: text("ranOn") ?? "",
  };
  const attempt = Date.now();
  const actor = await getActor();
  if (!actor) return { ok: false, fieldErrors: {}, formError: "Votre session a expiré : reconnectez-vous.", values, attempt };
  const serviceId = text("serviceId");
  const report = formData.get("report");
  try {
    const result = await submitPlatinesSession(
      actor,
      {
        fields: { serviceId, planId: text("planId"), sessionType: text("sessionType"), sessionIdentifier: text("sessionIdentifier"), ranOn: text("ranOn") },
        report: report === null ? null : uploaded(report),
        evidence: formData.getAll("evidence").map(uploaded).filter((file) => file !== null),
      },
      await currentRequestContext(),
    );
    revalidatePath(`/editeur/services/${serviceId}`, "layout");
    return { ok: true, satisfied: result.satisfied, attempt };
  } catch (error) {
    return { ...formResultFromError(error), values, attempt };
  }
}
