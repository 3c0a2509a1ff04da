"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { createAccessProfile, updateAccessProfile } from "@/lib/catalogue/access-profiles.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";

function failure(error: unknown): FormResult {
  if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
  return formResultFromError(error);
}

export async function updateAccessProfileAction(id: string, values: unknown): Promise<FormResult> {
  const actor = await requireActor("/administration/profils");
  try {
    await updateAccessProfile(actor, id, values, await currentRequestContext());
  } catch (error) {
    return failure(error);
  }
  redirect(`/administration/profils?enregistre=${encodeURIComponent(id)}`);
}

export async function createAccessProfileAction(values: unknown): Promise<FormResult> {
  const actor = await requireActor("/administration/profils");
  let id: string;
  try {
    ({ id } = await createAccessProfile(actor, values, await currentRequestContext()));
  } catch (error) {
    return failure(error);
  }
  redirect(`/administration/profils?ajoute=${encodeURIComponent(id)}`);
}
