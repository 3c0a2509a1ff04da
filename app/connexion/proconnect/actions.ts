"use server";

import { cookies } from "next/headers";
import { signIn } from "@/lib/auth/next-auth.server";
import { linkProConnectWithPassword, issueSessionTicket, PROCONNECT_COOKIE } from "@/lib/auth/proconnect.server";
import { AppError } from "@/lib/errors";
import { publicAction, type ActionResult } from "@/lib/form-action.server";
import { INVALID_FORM } from "@/lib/validation";
import { signInRefusalMessage } from "@/lib/auth/sign-in-limit";

const EXPIRED = "Cette connexion ProConnect a expiré. Recommencez depuis la page de connexion.";
const UNAVAILABLE = "Ce compte ne peut pas être lié à ProConnect. Connectez-vous avec votre mot de passe.";

/** A first ProConnect sign-in whose address has an account: its password links the two and signs in (ADR 0044). */
export async function linkProConnectAction(values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      const password = typeof (values as { password?: unknown })?.password === "string" ? (values as { password: string }).password : "";
      if (!password) throw new AppError("VALIDATION", INVALID_FORM, { password: "Saisissez le mot de passe de votre compte." });
      const jar = await cookies();
      const result = await linkProConnectWithPassword(jar.get(PROCONNECT_COOKIE)?.value, password.slice(0, 1000), request);
      if (!result.ok) {
        if (result.reason === "wrong_password") throw new AppError("VALIDATION", INVALID_FORM, { password: "Mot de passe incorrect." });
        if (result.reason === "rate_limited") throw new AppError("RATE_LIMITED", signInRefusalMessage({ scope: "pair", retryAfterSeconds: result.retryAfterSeconds ?? 900 }));
        throw new AppError("CONFLICT", result.reason === "expired" ? EXPIRED : UNAVAILABLE);
      }
      await signIn("proconnect", { ticket: issueSessionTicket(result), redirect: false });
      jar.delete(PROCONNECT_COOKIE);
      return result;
    },
    { redirectTo: (result) => result.returnTo },
  );
}
