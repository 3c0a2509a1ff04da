"use server";

import { createAccessProfile, updateAccessProfile } from "@/lib/catalogue/access-profiles.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

export async function updateAccessProfileAction(id: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => updateAccessProfile(actor, id, values, request), {
    forbiddenAsPage: true,
    redirectTo: () => `/administration/profils?enregistre=${encodeURIComponent(id)}`,
  });
}

export async function createAccessProfileAction(values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => createAccessProfile(actor, values, request), {
    forbiddenAsPage: true,
    redirectTo: ({ id }) => `/administration/profils?ajoute=${encodeURIComponent(id)}`,
  });
}
