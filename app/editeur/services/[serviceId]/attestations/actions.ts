"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAttestation, updateAttestation } from "@/lib/attestations/attestations.server";
import { setAttestationReminders } from "@/lib/attestations/reminders.server";
import { retrySeal } from "@/lib/attestations/sealing.server";
import { cancelAttestation, cancelSigningRound, declineAsEditor, resendClientLink, sendForSignature, signAsEditor } from "@/lib/attestations/signing.server";
import { getActor } from "@/lib/auth/session.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";

// Thin: every id below comes from the browser and may be forged; the use cases re-check it against the actor.

export type ActionResult = { ok: true; message: string } | FormResult;

const SIGNED_OUT: FormResult = { ok: false, fieldErrors: {}, formError: "Votre session a expiré. Reconnectez-vous, puis recommencez." };

const attestationPath = (serviceId: string, attestationId: string) => `/editeur/services/${serviceId}/attestations/${attestationId}`;

export async function createAttestationAction(serviceId: unknown, values: unknown): Promise<FormResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  let created: { attestationId: string; serviceId: string };
  try {
    created = await createAttestation(actor, serviceId, values, await currentRequestContext());
  } catch (error) {
    return formResultFromError(error);
  }
  revalidatePath(`/editeur/services/${created.serviceId}/attestations`);
  redirect(`${attestationPath(created.serviceId, created.attestationId)}?enregistre=1`);
}

export async function updateAttestationAction(serviceId: string, attestationId: unknown, values: unknown): Promise<FormResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  let outcome: { changed: boolean; cancelledRound: boolean };
  try {
    outcome = await updateAttestation(actor, attestationId, values, await currentRequestContext());
  } catch (error) {
    return formResultFromError(error);
  }
  const path = attestationPath(serviceId, String(attestationId));
  revalidatePath(path);
  redirect(`${path}?${outcome.cancelledRound ? "envoi-annule=1" : outcome.changed ? "enregistre=1" : "inchange=1"}`);
}

async function run(serviceId: string, attestationId: unknown, work: () => Promise<unknown>, message: string): Promise<ActionResult> {
  try {
    await work();
  } catch (error) {
    return formResultFromError(error);
  }
  revalidatePath(attestationPath(serviceId, String(attestationId)));
  revalidatePath(`/editeur/services/${serviceId}/attestations`);
  return { ok: true, message };
}

export async function sendAttestationAction(serviceId: string, attestationId: unknown, version: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const request = await currentRequestContext();
  return run(serviceId, attestationId, () => sendForSignature(actor, attestationId, version, request), "L'attestation est envoyée pour signature : le client a reçu son lien personnel par courriel.");
}

export async function resendLinkAction(serviceId: string, attestationId: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const request = await currentRequestContext();
  return run(serviceId, attestationId, () => resendClientLink(actor, attestationId, request), "Un nouveau lien de signature est envoyé au client ; l'ancien ne fonctionne plus.");
}

export async function cancelRoundAction(serviceId: string, attestationId: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const request = await currentRequestContext();
  return run(serviceId, attestationId, () => cancelSigningRound(actor, attestationId, request), "La demande de signature est annulée : les liens envoyés ne fonctionnent plus.");
}

export async function withdrawAttestationAction(serviceId: string, attestationId: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const request = await currentRequestContext();
  return run(serviceId, attestationId, () => cancelAttestation(actor, attestationId, request), "L'attestation est abandonnée.");
}

export async function retrySealAction(serviceId: string, attestationId: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  return run(serviceId, attestationId, () => retrySeal(actor, attestationId), "L'attestation est scellée.");
}

export async function signAsEditorAction(serviceId: string, attestationId: string, values: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const request = await currentRequestContext();
  return run(serviceId, attestationId, () => signAsEditor(actor, attestationId, values, request), "Votre signature est enregistrée.");
}

export async function declineAsEditorAction(serviceId: string, attestationId: string, values: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const request = await currentRequestContext();
  return run(serviceId, attestationId, () => declineAsEditor(actor, attestationId, values, request), "Votre refus est enregistré et l'équipe est prévenue.");
}

export async function setRemindersAction(serviceId: string, attestationId: unknown, enabled: boolean): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const request = await currentRequestContext();
  return run(
    serviceId,
    attestationId,
    () => setAttestationReminders(actor, attestationId, enabled, request),
    enabled ? "Les rappels de signature sont activés." : "Les rappels de signature sont désactivés : le client ne recevra plus de rappel pour cette attestation.",
  );
}
