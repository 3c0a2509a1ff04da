"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { signIn } from "@/lib/auth/next-auth.server";
import { getActor } from "@/lib/auth/session.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { joinAsSignedInUser, joinWithNewAccount } from "@/lib/organizations/accept-invitation.server";
import { currentRequestContext } from "@/lib/request.server";

/** The colleague has no account: creates it, joins, signs in and goes to the editor space. */
export async function joinWithNewAccountAction(token: unknown, values: unknown): Promise<FormResult> {
  if (typeof token !== "string") return { ok: false, fieldErrors: {}, formError: "Lien d'invitation invalide." };
  let email: string;
  try {
    ({ email } = await joinWithNewAccount(token, values, await currentRequestContext()));
  } catch (error) {
    return formResultFromError(error);
  }
  const { password } = values as { password: string };
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    // The account exists and the membership too: only the automatic sign-in failed (e.g. rate limit).
    redirect("/connexion?retour=/editeur");
  }
  redirect("/editeur");
}

/** The colleague has an account and is signed in with it: confirms joining. */
export async function joinAsSignedInUserAction(token: unknown): Promise<FormResult> {
  if (typeof token !== "string") return { ok: false, fieldErrors: {}, formError: "Lien d'invitation invalide." };
  const actor = await getActor();
  if (!actor) redirect(`/connexion?retour=${encodeURIComponent(`/invitation/${token}`)}`);
  try {
    await joinAsSignedInUser(actor, token, await currentRequestContext());
  } catch (error) {
    return formResultFromError(error);
  }
  redirect("/editeur");
}
