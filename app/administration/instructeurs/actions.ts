"use server";

import { forbidden } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createAnsAccount, setAnsAccountActive, setAnsAccountAdmin } from "@/lib/ans-accounts/ans-accounts.server";
import { requireActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";

const PATH = "/administration/instructeurs";

function failure(error: unknown): FormResult {
  if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
  return formResultFromError(error);
}

export type CreatedAccount = { ok: true; email: string; oneTimePassword: string };

/** The one-time password comes back to the form only (never stored in clear, never in a URL). */
export async function createAnsAccountAction(values: unknown): Promise<FormResult | CreatedAccount> {
  const actor = await requireActor(PATH);
  try {
    const { oneTimePassword } = await createAnsAccount(actor, values, await currentRequestContext());
    revalidatePath(PATH);
    const email = (values as { email?: unknown })?.email;
    return { ok: true, email: typeof email === "string" ? email.trim().toLowerCase() : "", oneTimePassword };
  } catch (error) {
    return failure(error);
  }
}

export async function setAccountActiveAction(userId: string, active: boolean): Promise<FormResult | { ok: true }> {
  const actor = await requireActor(PATH);
  try {
    await setAnsAccountActive(actor, { userId, active }, await currentRequestContext());
  } catch (error) {
    return failure(error);
  }
  revalidatePath(PATH);
  return { ok: true };
}

export async function setAccountAdminAction(userId: string, admin: boolean): Promise<FormResult | { ok: true }> {
  const actor = await requireActor(PATH);
  try {
    await setAnsAccountAdmin(actor, { userId, admin }, await currentRequestContext());
  } catch (error) {
    return failure(error);
  }
  revalidatePath(PATH);
  return { ok: true };
}
