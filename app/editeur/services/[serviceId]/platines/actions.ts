"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { submitPlatinesSession, type UploadedFile } from "@/lib/platines/submissions.server";
import { currentRequestContext } from "@/lib/request.server";

export type PlatinesSubmissionState = FormResult | { ok: true; satisfied: boolean; submittedAt: number };

/** A chosen file, read only after the use case has checked its size. An unused input posts a nameless empty File. */
function uploaded(value: FormDataEntryValue): UploadedFile | null {
  if (!(value instanceof File) || value.name === "") return null;
  return { name: value.name, size: value.size, read: async () => new Uint8Array(await value.arrayBuffer()) };
}

export async function submitPlatinesAction(_previous: PlatinesSubmissionState | null, formData: FormData): Promise<PlatinesSubmissionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, fieldErrors: {}, formError: "Votre session a expiré : reconnectez-vous." };
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
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
    return { ok: true, satisfied: result.satisfied, submittedAt: Date.now() };
  } catch (error) {
    return formResultFromError(error);
  }
}
