"use server";

import { requestPasswordReset } from "@/lib/accounts/password-recovery.server";
import { publicAction, type ActionResult } from "@/lib/form-action.server";

/** The same notice whether the address has an account or not (ADR 0020). */
export async function requestPasswordResetAction(values: unknown): Promise<ActionResult> {
  return publicAction((_actor, request) => requestPasswordReset(values, request), {
    notice: () =>
      "Si un compte utilise cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable 1 heure. Rien reçu ? Vérifiez le dossier des indésirables ; un nouveau lien peut être demandé toutes les 10 minutes.",
  });
}
