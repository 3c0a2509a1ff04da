"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { acceptCharter } from "@/lib/catalogue/charter.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";

export async function acceptCharterAction(values: unknown): Promise<FormResult> {
  const actor = await requireActor("/editeur/charte");
  let organizationId: string;
  try {
    ({ organizationId } = await acceptCharter(actor, values, await currentRequestContext()));
  } catch (error) {
    // A forged request from someone who may not accept gets a real 403, not a form message.
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    return formResultFromError(error);
  }
  redirect(`/editeur/charte?organisation=${encodeURIComponent(organizationId)}&acceptee=1`);
}
