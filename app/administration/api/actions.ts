"use server";

import { createRorApi, retireRorApi, updateRorApi } from "@/lib/catalogue/ror-apis.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

const PAGE = "/administration/api";

// Each change reaches the gateway's configuration at once: a fresh second factor is asked, as for the level-1 quota.
export async function createRorApiAction(values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => createRorApi(actor, values, request), {
    forbiddenAsPage: true,
    stepUp: true,
    redirectTo: ({ id }) => `${PAGE}?ajoute=${encodeURIComponent(id)}`,
  });
}

export async function updateRorApiAction(id: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => updateRorApi(actor, id, values, request), {
    forbiddenAsPage: true,
    stepUp: true,
    redirectTo: () => `${PAGE}?enregistre=${encodeURIComponent(id)}`,
  });
}

export async function retireRorApiAction(id: string): Promise<ActionResult> {
  return signedInAction((actor, request) => retireRorApi(actor, id, request), {
    forbiddenAsPage: true,
    stepUp: true,
    redirectTo: () => `${PAGE}?retire=1`,
  });
}
