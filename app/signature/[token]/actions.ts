"use server";

import { enforceAnonymousLimit } from "@/lib/anonymous-limit.server";
import { declineAsClient, signAsClient } from "@/lib/attestations/signing.server";
import { publicAction, type ActionResult } from "@/lib/form-action.server";

// Thin: the token is re-checked (hash, state, single use) by the use cases, inside their transaction. Both count
// against the signing-link limit of the client address (ADR 0027).

export async function signAsClientAction(token: string, values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      await enforceAnonymousLimit("signingLink", request);
      return signAsClient(String(token), values, request);
    },
    {
      notice: ({ complete }) =>
        complete
          ? "Votre signature est enregistrée. Les deux parties ont signé : le document final est scellé et vous en recevez un exemplaire par courriel."
          : "Votre signature est enregistrée. L'éditeur en est informé ; le document final sera scellé quand tous les signataires auront signé, et vous en recevrez un exemplaire par courriel.",
    },
  );
}

export async function declineAsClientAction(token: string, values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      await enforceAnonymousLimit("signingLink", request);
      return declineAsClient(String(token), values, request);
    },
    { notice: () => "Votre refus est enregistré et transmis à l'éditeur. Ce lien ne fonctionne plus." },
  );
}
