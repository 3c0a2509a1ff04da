import "server-only";
// A CA certificate sent by the administrators' upload form (ADR 0026): a file read as a stream by
// POST /api/administration/autorites, or from the form posted without JavaScript; or PEM text pasted.
import type { Actor } from "../auth/permissions";
import { AppError, isAppError } from "../errors";
import type { RequestContext } from "../request.server";
import { pastedText as pasted } from "../chosen-file";
import { filesIn, textIn, type ReceivedUpload } from "../uploads/read-upload.server";
import { CA_BUNDLE_ERRORS } from "./ca-bundle-messages";
import { addCaCertificate } from "./ca-bundle.server";

const PAGE = "/administration/autorites";
const INVALID = "Le formulaire contient des erreurs.";

/** Adds the certificate; AppErrors carry their message under the field that was used (`file` or `pem`). */
export async function addCaCertificateFromForm(actor: Actor, upload: ReceivedUpload, request: RequestContext): Promise<{ id: string; redirectTo: string }> {
  const file = filesIn(upload, "file")[0] ?? null;
  const pem = textIn(upload, "pem");
  const pastedText = pasted(pem);
  if (file && pastedText) throw new AppError("VALIDATION", INVALID, { pem: CA_BUNDLE_ERRORS.both });
  if (!file && !pastedText) throw new AppError("VALIDATION", INVALID, { file: CA_BUNDLE_ERRORS.missing });
  const field = file ? "file" : "pem";
  try {
    const added = await addCaCertificate(actor, textIn(upload, "environment"), file ? { bytes: file.bytes } : { text: pastedText! }, request);
    return { id: added.id, redirectTo: `${PAGE}?ajoutee=${encodeURIComponent(added.id)}${added.notes.length > 0 ? "&plusieurs=1" : ""}` };
  } catch (error) {
    // The use case names the certificate field `certificate`: show it next to what was used.
    if (isAppError(error) && error.fieldErrors.certificate) {
      const { certificate, ...others } = error.fieldErrors;
      throw new AppError(error.code, error.message, { ...others, [field]: certificate });
    }
    throw error;
  }
}
