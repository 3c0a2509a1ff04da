"use server";

import { gatedAction } from "@/lib/accounts/gated-action.server";
import type { ActionResult } from "@/lib/form-action.server";
import { JOIN_REQUEST_PATH, requestToJoin } from "@/lib/organizations/join-requests.server";
import { claimLegalRepresentation } from "@/lib/organizations/squatting.server";

// Thin: the account must be held at this page's gate; the use cases check the ids, the state and the throttle.

/** "Je suis le représentant légal": the request goes to ANS's queue (ADR 0057). */
export async function claimLegalRepresentationAction(joinRequestId: unknown): Promise<ActionResult> {
  return gatedAction("join_request", (account, request) => claimLegalRepresentation(account.actor, joinRequestId, request), {
    revalidate: () => [JOIN_REQUEST_PATH],
    notice: () => "Votre demande est transmise à l'ANS, qui vérifiera qui représente la société. Vous serez informé par courriel.",
  });
}

/** A request to join the organisation of another SIRET. */
export async function requestToJoinAction(values: unknown): Promise<ActionResult> {
  return gatedAction("join_request", (account, request) => requestToJoin(account.actor, values, request), {
    revalidate: () => [JOIN_REQUEST_PATH],
    notice: () => "Votre demande de rattachement est transmise aux représentants légaux de cette organisation.",
  });
}
