"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { replayDelivery } from "@/lib/webhooks/deliveries.server";
import { createSubscription, rotateSecret, setSubscriptionActive, updateSubscription } from "@/lib/webhooks/subscriptions.server";

const LIST = "/administration/webhooks";
const pageOf = (id: string) => `${LIST}/${id}`;

/** A secret goes back to the form that asked for it, shown once: never stored in clear elsewhere nor put in a URL. */
export type ShownSecret = { ok: true; subscriptionId: string; name: string; secret: string };

export async function createSubscriptionAction(values: { name?: unknown; url?: unknown; eventTypes?: unknown; secret?: unknown }): Promise<ActionResult | ShownSecret> {
  return signedInAction((actor, request) => createSubscription(actor, { name: values?.name, url: values?.url, eventTypes: values?.eventTypes, secret: values?.secret }, request), {
    forbiddenAsPage: true,
    revalidate: () => [LIST],
    answer: (created): ShownSecret => ({ ok: true, subscriptionId: created.id, name: created.name, secret: created.secret }),
  });
}

export async function updateSubscriptionAction(subscriptionId: string, values: { name?: unknown; url?: unknown; eventTypes?: unknown; version?: unknown }): Promise<ActionResult> {
  return signedInAction((actor, request) => updateSubscription(actor, subscriptionId, { name: values?.name, url: values?.url, eventTypes: values?.eventTypes, version: values?.version }, request), {
    forbiddenAsPage: true,
    redirectTo: () => `${pageOf(subscriptionId)}?enregistre=1`,
  });
}

export async function rotateSecretAction(subscriptionId: string, values: { secret?: unknown; overlapHours?: unknown; version?: unknown }): Promise<ActionResult | ShownSecret> {
  return signedInAction((actor, request) => rotateSecret(actor, subscriptionId, { secret: values?.secret, overlapHours: values?.overlapHours, version: values?.version }, request), {
    forbiddenAsPage: true,
    revalidate: () => [pageOf(subscriptionId)],
    answer: (rotated): ShownSecret => ({ ok: true, subscriptionId, name: "", secret: rotated.secret }),
  });
}

export async function setSubscriptionActiveAction(input: { subscriptionId: string; version: number; active: boolean }): Promise<ActionResult> {
  return signedInAction((actor, request) => setSubscriptionActive(actor, { subscriptionId: input?.subscriptionId, version: input?.version, active: input?.active === true }, request), {
    forbiddenAsPage: true,
    redirectTo: () => `${pageOf(String(input.subscriptionId))}?${input.active === true ? "reactive" : "desactive"}=1`,
  });
}

export async function replayDeliveryAction(input: { subscriptionId: string; deliveryId: string }): Promise<ActionResult> {
  return signedInAction((actor, request) => replayDelivery(actor, { subscriptionId: input?.subscriptionId, deliveryId: input?.deliveryId }, request), {
    forbiddenAsPage: true,
    revalidate: () => [pageOf(String(input.subscriptionId))],
    notice: ({ webhookId }) => `Envoi ${webhookId} renvoyé : il repart dans la file, avec le même identifiant.`,
  });
}
