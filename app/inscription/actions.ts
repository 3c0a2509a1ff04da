"use server";

import { unstable_rethrow } from "next/navigation";
import { enforceAnonymousLimit } from "@/lib/anonymous-limit.server";
import { signIn } from "@/lib/auth/next-auth.server";
import { publicAction, type ActionResult } from "@/lib/form-action.server";
import { signUpEditor } from "@/lib/organizations/sign-up.server";

/** Sign-up, limited per client address (ADR 0027), then the automatic sign-in. */
export async function signUpAction(values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      await enforceAnonymousLimit("signUp", request);
      await signUpEditor(values, request);
      const { email, password } = values as { email: string; password: string };
      try {
        await signIn("credentials", { email: email.trim().toLowerCase(), password, redirect: false });
      } catch (error) {
        unstable_rethrow(error);
        // The account exists: only the automatic sign-in failed (a sign-in limit on this address).
        return `/connexion?retour=${encodeURIComponent("/editeur?bienvenue=1")}`;
      }
      return "/editeur?bienvenue=1";
    },
    { redirectTo: (path) => path },
  );
}
