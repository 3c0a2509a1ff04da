"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { signIn } from "@/lib/auth/next-auth.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { signUpEditor } from "@/lib/organizations/sign-up.server";
import { currentRequestContext } from "@/lib/request.server";

export async function signUpAction(values: unknown): Promise<FormResult> {
  try {
    await signUpEditor(values, await currentRequestContext());
  } catch (error) {
    return formResultFromError(error);
  }
  const { email, password } = values as { email: string; password: string };
  try {
    await signIn("credentials", { email: email.trim().toLowerCase(), password, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    // The account exists: only the automatic sign-in failed (a sign-in limit on this address).
    redirect(`/connexion?retour=${encodeURIComponent("/editeur?bienvenue=1")}`);
  }
  redirect("/editeur?bienvenue=1");
}
