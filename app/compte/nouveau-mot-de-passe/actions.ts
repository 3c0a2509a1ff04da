"use server";

import { setFirstPassword } from "@/lib/accounts/account.server";
import { gatedAction } from "@/lib/accounts/gated-action.server";
import type { ActionResult } from "@/lib/form-action.server";

/** The first sign-in of an account with a one-time password: the person's own password, then their space. */
export async function setFirstPasswordAction(values: unknown): Promise<ActionResult> {
  return gatedAction("change_password", (account, request) => setFirstPassword(account.actor.userId, account.sessionId, values, request), {
    redirectTo: () => "/espace",
  });
}
