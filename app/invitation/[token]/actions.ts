"use server";

import { signIn } from "@/lib/auth/next-auth.server";
import { AppError } from "@/lib/errors";
import { publicAction, signedInAction, type ActionResult } from "@/lib/form-action.server";
import { joinAsSignedInUser, joinWithNewAccount } from "@/lib/organizations/accept-invitation.server";

const INVALID_LINK = "Lien d'invitation invalide.";

/** The colleague has no account: creates it (its address counts as verified), joins, signs in and goes to the editor space. */
export async function joinWithNewAccountAction(token: unknown, values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      if (typeof token !== "string") throw new AppError("NOT_FOUND", INVALID_LINK);
      const { email } = await joinWithNewAccount(token, values, request);
      const { password } = values as { password: string };
      try {
        await signIn("credentials", { email, password, redirect: false });
        return { signedIn: true };
      } catch {
        // The account exists and the membership too: only the automatic sign-in failed (e.g. a sign-in limit).
        return { signedIn: false };
      }
    },
    { redirectTo: ({ signedIn }) => (signedIn ? "/editeur" : "/connexion?retour=/editeur") },
  );
}

/** The colleague has an account and is signed in with it: confirms joining. */
export async function joinAsSignedInUserAction(token: unknown): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => {
      if (typeof token !== "string") throw new AppError("NOT_FOUND", INVALID_LINK);
      return joinAsSignedInUser(actor, token, request);
    },
    { redirectTo: () => "/editeur" },
  );
}
