"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { createApiToken, revokeApiToken } from "@/lib/whitelist/api-tokens.server";

const PAGE = "/administration/jetons";

export type CreatedToken = { ok: true; name: string; token: string };

/** The token is returned to the form, shown once, never stored in clear nor put in a URL. */
export async function createApiTokenAction(values: { name?: unknown; scopes?: unknown }): Promise<ActionResult | CreatedToken> {
  return signedInAction((actor, request) => createApiToken(actor, { name: values?.name, scopes: values?.scopes ?? [] }, request), {
    forbiddenAsPage: true,
    stepUp: true,
    revalidate: () => [PAGE],
    answer: (created): CreatedToken => ({ ok: true, name: created.name, token: created.token }),
  });
}

export async function revokeApiTokenAction(tokenId: string): Promise<ActionResult> {
  return signedInAction((actor, request) => revokeApiToken(actor, { tokenId }, request), {
    forbiddenAsPage: true,
    stepUp: true,
    redirectTo: () => `${PAGE}?revoque=1`,
  });
}
