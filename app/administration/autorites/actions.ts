"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { CA_BUNDLE_ERRORS, CA_UPLOAD_MAX_BYTES } from "@/lib/certificates/ca-bundle-messages";
import { addCaCertificate, retireCaCertificate } from "@/lib/certificates/ca-bundle.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import { fileOrText } from "@/lib/chosen-file";

const PAGE = "/administration/autorites";

function failure(error: unknown): FormResult {
  if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
  return formResultFromError(error);
}

/** The upload form: a file (field `file`) or pasted PEM (field `pem`), for one environment. */
export async function addCaCertificateAction(formData: FormData): Promise<FormResult> {
  const actor = await requireActor(PAGE);
  const chosen = fileOrText(formData.get("file"), formData.get("pem"));
  if (chosen.kind === "both") return { ok: false, fieldErrors: { pem: CA_BUNDLE_ERRORS.both } };
  if (chosen.kind === "neither") return { ok: false, fieldErrors: { file: CA_BUNDLE_ERRORS.missing } };
  // Refused before reading it: nothing bigger than a certificate is worth holding in memory.
  if (chosen.kind === "file" && chosen.file.size > CA_UPLOAD_MAX_BYTES) return { ok: false, fieldErrors: { file: CA_BUNDLE_ERRORS.tooLarge } };

  const field = chosen.kind === "file" ? "file" : "pem";
  const input = chosen.kind === "file" ? { bytes: new Uint8Array(await chosen.file.arrayBuffer()) } : { text: chosen.text };
  let added: { id: string; notes: string[] };
  try {
    added = await addCaCertificate(actor, formData.get("environment"), input, await currentRequestContext());
  } catch (error) {
    const result = failure(error);
    // The use case names the certificate field `certificate`: show it next to what was used.
    const { certificate, ...others } = result.fieldErrors;
    return certificate ? { ...result, fieldErrors: { ...others, [field]: certificate } } : result;
  }
  redirect(`${PAGE}?ajoutee=${encodeURIComponent(added.id)}${added.notes.length > 0 ? "&plusieurs=1" : ""}`);
}

export async function retireCaCertificateAction(id: string): Promise<FormResult> {
  const actor = await requireActor(PAGE);
  try {
    await retireCaCertificate(actor, id, await currentRequestContext());
  } catch (error) {
    return failure(error);
  }
  redirect(`${PAGE}?retiree=${encodeURIComponent(id)}`);
}
