"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { publishCharterVersion } from "@/lib/catalogue/charter.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";

export async function publishCharterAction(values: unknown): Promise<FormResult> {
  const actor = await requireActor("/administration/charte");
  let mailsQueued: number;
  try {
    ({ mailsQueued } = await publishCharterVersion(actor, values, await currentRequestContext()));
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    return formResultFromError(error);
  }
  redirect(`/administration/charte?publiee=1&courriels=${mailsQueued}`);
}
