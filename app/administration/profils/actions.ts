"use server";

import { createAccessProfile, updateAccessProfile } from "@/lib/catalogue/access-profiles.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

// Changing the API catalogue (its access profiles) is a sensitive act (issue 19): a recent second-factor check.
export async function updateAccessProfileAction(id: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => updateAccessProfile(actor, id, values, request), {
    forbiddenAsPage: true,
    stepUp: true,
    redirectTo: () => `/administration/profils?enregistre=${encodeURIComponent(id)}`,
  });
}

export async function createAccessProfileAction(values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => createAccessProfile(actor, values, request), {
    forbiddenAsPage: true,
    stepUp: true,
    redirectTo: ({ id }) => `/administration/profils?ajoute=${encodeURIComponent(id)}`,
  });
}
