"use server";

import { acceptCharter } from "@/lib/catalogue/charter.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

export async function acceptCharterAction(values: unknown): Promise<ActionResult> {
  // A forged request from someone who may not accept gets a real 403, not a form message.
  return signedInAction((actor, request) => acceptCharter(actor, values, request), {
    forbiddenAsPage: true,
    redirectTo: ({ organizationId }) => `/editeur/charte?organisation=${encodeURIComponent(organizationId)}&acceptee=1`,
  });
}
