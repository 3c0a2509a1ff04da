"use server";

import { changePassword, endOtherSessions, endOwnSession, renameAccount, requestEmailChange } from "@/lib/accounts/account.server";
import { currentSessionId } from "@/lib/accounts/gated-action.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

// Thin: the use cases validate, each on the person's own account; the page stays, with a notice.
const refresh = [{ path: "/compte", type: "layout" as const }];

export async function renameAction(values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => renameAccount(actor, values, request), { revalidate: () => refresh, notice: () => "Votre nom est enregistré." });
}

export async function requestEmailChangeAction(values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => requestEmailChange(actor, values, request), {
    revalidate: () => refresh,
    notice: ({ email }) => `Un lien de confirmation a été envoyé à ${email}. Votre adresse changera quand vous l'ouvrirez ; d'ici là, rien ne change.`,
  });
}

export async function changePasswordAction(values: unknown): Promise<ActionResult> {
  return signedInAction(async (actor, request) => changePassword(actor, await currentSessionId(), values, request), {
    revalidate: () => refresh,
    notice: () => "Votre mot de passe est modifié. Vos autres sessions ont été fermées.",
  });
}

export async function endSessionAction(sessionId: unknown): Promise<ActionResult> {
  return signedInAction(async (actor, request) => endOwnSession(actor, await currentSessionId(), sessionId, request), {
    revalidate: () => refresh,
    notice: () => "La session est fermée : l'appareil qui l'utilisait est déconnecté.",
  });
}

export async function endOtherSessionsAction(): Promise<ActionResult> {
  return signedInAction(async (actor, request) => endOtherSessions(actor, await currentSessionId(), request), {
    revalidate: () => refresh,
    notice: (count) => (count === 0 ? "Aucune autre session n'était ouverte." : `${count} autre${count > 1 ? "s" : ""} session${count > 1 ? "s" : ""} fermée${count > 1 ? "s" : ""}.`),
  });
}
