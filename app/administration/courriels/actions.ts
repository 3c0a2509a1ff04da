"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { resendFailedMail } from "@/lib/mail/failed-mail.server";

const PAGE = "/administration/courriels";

/** Thin: the message id comes from the browser; the use case checks the actor and the message's state. */
export async function resendMailAction(messageId: string): Promise<ActionResult> {
  return signedInAction((actor, request) => resendFailedMail(actor, messageId, request), {
    forbiddenAsPage: true,
    redirectTo: ({ to }) => `${PAGE}?renvoye=${encodeURIComponent(to)}`,
  });
}
