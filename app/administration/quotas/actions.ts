"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import { updateLevel1Quota } from "@/lib/whitelist/quotas.server";

export async function updateLevel1QuotaAction(values: { perApiPerSecond?: unknown; version?: unknown }): Promise<FormResult> {
  const actor = await requireActor("/administration/quotas");
  try {
    await updateLevel1Quota(actor, { perApiPerSecond: values?.perApiPerSecond, version: values?.version }, await currentRequestContext());
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    return formResultFromError(error);
  }
  redirect("/administration/quotas?enregistre=1");
}
