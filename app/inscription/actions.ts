"use server";

import { cookies } from "next/headers";
import { enforceAnonymousLimit } from "@/lib/anonymous-limit.server";
import { PROCONNECT_COOKIE } from "@/lib/auth/proconnect.server";
import { publicAction, type ActionResult } from "@/lib/form-action.server";
import { lookUpSiretForPrefill } from "@/lib/organizations/register-prefill.server";
import { signUpEditor } from "@/lib/organizations/sign-up.server";

/**
 * Whatever happened (a new account, or an address that has one), the person is told the same: check your mail.
 * Limited per client address first (ADR 0027), before the use case's own count of account requests (ADR 0020).
 */
export async function signUpAction(values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      await enforceAnonymousLimit("signUp", request);
      // A sign-up opened by a ProConnect first sign-in links that identity when the address is the same (ADR 0044).
      const proConnectAttemptId = (await cookies()).get(PROCONNECT_COOKIE)?.value;
      return signUpEditor(values, request, { proConnectAttemptId });
    },
    { redirectTo: () => "/inscription/courriel-envoye" },
  );
}

/** The SIRET field is complete: the register's legal name and address, or why the establishment is refused (ADR 0049). */
export async function lookUpSiretAction(siret: unknown) {
  return publicAction((actor, request) => lookUpSiretForPrefill(actor, siret, request), { answer: (prefill) => prefill });
}
