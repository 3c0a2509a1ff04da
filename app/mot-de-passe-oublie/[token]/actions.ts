"use server";

import { resetPassword } from "@/lib/accounts/password-recovery.server";
import { publicAction, type ActionResult } from "@/lib/form-action.server";

/** Sets the new password; every session of the account ends, so the person signs in again with it. */
export async function resetPasswordAction(token: unknown, values: unknown): Promise<ActionResult> {
  return publicAction((_actor, request) => resetPassword(token, values, request), { redirectTo: () => "/connexion?mot-de-passe=modifie" });
}
