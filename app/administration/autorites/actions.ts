"use server";

import { forbidden, redirect } from "next/navigation";
import { getSignedInAccount, requireActor } from "@/lib/auth/session.server";
import { staffStepUpMissing } from "@/lib/second-factor/second-factor.server";
import { addCaCertificateFromForm } from "@/lib/certificates/ca-upload.server";
import { retireCaCertificate } from "@/lib/certificates/ca-bundle.server";
import { isAppError } from "@/lib/errors";
import { signedInAction, STEP_UP_REQUIRED, type ActionResult } from "@/lib/form-action.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import { uploadFromFormData } from "@/lib/uploads/form-data-upload";
import { CA_CERTIFICATE_UPLOAD } from "@/lib/uploads/upload-kinds";

const PAGE = "/administration/autorites";

function failure(error: unknown): FormResult {
  if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
  return formResultFromError(error);
}

/**
 * The upload form posted without JavaScript (within the small server-action body limit): a file (field `file`) or
 * pasted PEM (field `pem`), for one environment. With JavaScript the form sends to POST /api/administration/autorites.
 */
export async function addCaCertificateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return signedInAction(async (actor, request) => addCaCertificateFromForm(actor, await uploadFromFormData(formData, CA_CERTIFICATE_UPLOAD), request), {
    redirectTo: (added) => added.redirectTo,
    forbiddenAsPage: true,
    stepUp: true,
  });
}

export async function retireCaCertificateAction(id: string): Promise<FormResult> {
  const actor = await requireActor(PAGE);
  // A sensitive act (issue 19): the gateway trusts what this list holds.
  if (staffStepUpMissing(actor, (await getSignedInAccount())?.secondFactorAt ?? null)) return STEP_UP_REQUIRED;
  try {
    await retireCaCertificate(actor, id, await currentRequestContext());
  } catch (error) {
    return failure(error);
  }
  redirect(`${PAGE}?retiree=${encodeURIComponent(id)}`);
}
