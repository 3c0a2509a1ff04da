"use server";

import { enforceAnonymousLimit } from "@/lib/anonymous-limit.server";
import { publicAction, type ActionResult } from "@/lib/form-action.server";
import { signUpEditor } from "@/lib/organizations/sign-up.server";

/**
 * Whatever happened (a new account, or an address that has one), the person is told the same: check your mail.
 * Limited per client address first (ADR 0027), before the use case's own count of account requests (ADR 0020).
 */
export async function signUpAction(values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      await enforceAnonymousLimit("signUp", request);
      return signUpEditor(values, request);
    },
    { redirectTo: () => "/inscription/courriel-envoye" },
  );
}
