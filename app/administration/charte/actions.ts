"use server";

import { publishCharterVersion } from "@/lib/catalogue/charter.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

export async function publishCharterAction(values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => publishCharterVersion(actor, values, request), {
    forbiddenAsPage: true,
    redirectTo: ({ mailsQueued }) => `/administration/charte?publiee=1&courriels=${mailsQueued}`,
  });
}
