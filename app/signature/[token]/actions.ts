"use server";

import { declineAsClient, signAsClient } from "@/lib/attestations/signing.server";
import { formResultFromError } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import type { SignActionResult } from "@/components/attestations/SignForm";

// Thin: the token is re-checked (hash, state, single use) by the use cases, inside their transaction.

export async function signAsClientAction(token: string, values: unknown): Promise<SignActionResult> {
  try {
    const { complete } = await signAsClient(String(token), values, await currentRequestContext());
    return {
      ok: true,
      message: complete
        ? "Votre signature est enregistrée. Les deux parties ont signé : le document final est scellé et l'éditeur en est informé."
        : "Votre signature est enregistrée. L'éditeur en est informé ; le document final sera scellé après la signature de son représentant légal.",
    };
  } catch (error) {
    return formResultFromError(error);
  }
}

export async function declineAsClientAction(token: string, values: unknown): Promise<SignActionResult> {
  try {
    await declineAsClient(String(token), values, await currentRequestContext());
    return { ok: true, message: "Votre refus est enregistré et transmis à l'éditeur. Ce lien ne fonctionne plus." };
  } catch (error) {
    return formResultFromError(error);
  }
}
