"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import { createApiToken, revokeApiToken } from "@/lib/whitelist/api-tokens.server";

const PAGE = "/administration/jetons";

function failure(error: unknown): FormResult {
  if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
  return formResultFromError(error);
}

export type CreatedToken = { ok: true; name: string; token: string };

/** The token is returned to the form, shown once, never stored in clear nor put in a URL. */
export async function createApiTokenAction(values: { name?: unknown }): Promise<FormResult | CreatedToken> {
  const actor = await requireActor(PAGE);
  try {
    const created = await createApiToken(actor, { name: values?.name }, await currentRequestContext());
    return { ok: true, name: created.name, token: created.token };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeApiTokenAction(tokenId: string): Promise<FormResult> {
  const actor = await requireActor(PAGE);
  try {
    await revokeApiToken(actor, { tokenId }, await currentRequestContext());
  } catch (error) {
    return failure(error);
  }
  redirect(`${PAGE}?revoque=1`);
}
