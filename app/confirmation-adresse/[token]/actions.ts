"use server";

import { confirmEmailChange } from "@/lib/accounts/account.server";
import { RefusedVerificationLink, signIn } from "@/lib/auth/next-auth.server";
import { AppError } from "@/lib/errors";
import { publicAction, type ActionResult } from "@/lib/form-action.server";

/** Signs in with the link through the credentials provider "verification-link", which uses it (lib/auth/next-auth.server.ts). */
async function signInWithLink(token: unknown): Promise<{ signedIn: boolean }> {
  try {
    await signIn("verification-link", { token: typeof token === "string" ? token : "", redirect: false });
    return { signedIn: true };
  } catch (error) {
    if (error instanceof RefusedVerificationLink) throw new AppError("CONFLICT", error.reason);
    // Confirmed, but no session for it (a disabled account): the sign-in page says the rest.
    if ((error as { type?: string }).type === "CredentialsSignin") return { signedIn: false };
    throw error;
  }
}

/** The verification mail's link: confirms the address and signs its owner in, then the editor space. */
export async function confirmSignUpAction(token: unknown): Promise<ActionResult> {
  return publicAction(() => signInWithLink(token), { redirectTo: (r) => (r.signedIn ? "/editeur?bienvenue=1" : "/connexion?adresse=confirmee") });
}

/** The new address's link (e-mail change): the account takes the address. */
export async function confirmEmailChangeAction(token: unknown): Promise<ActionResult> {
  return publicAction((_actor, request) => confirmEmailChange(token, request), { redirectTo: () => "/compte?fait=adresse" });
}
