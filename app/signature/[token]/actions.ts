"use server";

import { declineAsClient, signAsClient } from "@/lib/attestations/signing.server";
import { publicAction, type ActionResult } from "@/lib/form-action.server";

// Thin: the token is re-checked (hash, state, single use) by the use cases, inside their transaction.

export async function signAsClientAction(token: string, values: unknown): Promise<ActionResult> {
  return publicAction((_actor, request) => signAsClient(String(token), values, request), {
    notice: ({ complete }) =>
      complete
        ? "Votre signature est enregistrée. Les deux parties ont signé : le document final est scellé et l'éditeur en est informé."
        : "Votre signature est enregistrée. L'éditeur en est informé ; le document final sera scellé après la signature de son représentant légal.",
  });
}

export async function declineAsClientAction(token: string, values: unknown): Promise<ActionResult> {
  return publicAction((_actor, request) => declineAsClient(String(token), values, request), {
    notice: () => "Votre refus est enregistré et transmis à l'éditeur. Ce lien ne fonctionne plus.",
  });
}
