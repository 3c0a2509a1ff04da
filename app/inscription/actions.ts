"use server";

import { publicAction, type ActionResult } from "@/lib/form-action.server";
import { signUpEditor } from "@/lib/organizations/sign-up.server";

/** Whatever happened (a new account, or an address that has one), the person is told the same: check your mail. */
export async function signUpAction(values: unknown): Promise<ActionResult> {
  return publicAction((_actor, request) => signUpEditor(values, request), { redirectTo: () => "/inscription/courriel-envoye" });
}
