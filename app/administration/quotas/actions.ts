"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { updateLevel1Quota } from "@/lib/whitelist/quotas.server";

export async function updateLevel1QuotaAction(values: { perApiPerSecond?: unknown; version?: unknown }): Promise<ActionResult> {
  return signedInAction((actor, request) => updateLevel1Quota(actor, { perApiPerSecond: values?.perApiPerSecond, version: values?.version }, request), {
    forbiddenAsPage: true,
    redirectTo: () => "/administration/quotas?enregistre=1",
    stepUp: true,
  });
}
