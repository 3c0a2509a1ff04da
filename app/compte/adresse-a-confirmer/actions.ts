"use server";

import { resendVerification } from "@/lib/accounts/email-verification.server";
import { gatedAction } from "@/lib/accounts/gated-action.server";
import type { ActionResult } from "@/lib/form-action.server";

/** "Renvoyer le lien": a new link (the previous one dies), at most one per 10 minutes. */
export async function resendVerificationAction(): Promise<ActionResult> {
  return gatedAction("verify_email", (account, request) => resendVerification(account.actor.userId, request), {
    notice: ({ email }) => `Un nouveau lien a été envoyé à ${email}. Le précédent ne fonctionne plus.`,
  });
}
