"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { resendFailedMail } from "@/lib/mail/failed-mail.server";
import { currentRequestContext } from "@/lib/request.server";

const PAGE = "/administration/courriels";

/** Thin: the message id comes from the browser; the use case checks the actor and the message's state. */
export async function resendMailAction(messageId: string): Promise<FormResult> {
  const actor = await requireActor(PAGE);
  let to: string;
  try {
    ({ to } = await resendFailedMail(actor, messageId, await currentRequestContext()));
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    return formResultFromError(error);
  }
  redirect(`${PAGE}?renvoye=${encodeURIComponent(to)}`);
}
