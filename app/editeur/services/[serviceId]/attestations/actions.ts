"use server";

import { createAttestation, updateAttestation } from "@/lib/attestations/attestations.server";
import { setAttestationReminders } from "@/lib/attestations/reminders.server";
import { retrySeal } from "@/lib/attestations/sealing.server";
import { cancelAttestation, cancelClientLink, cancelSigningRound, declineAsEditor, resendClientLink, sendForSignature, signAsEditor } from "@/lib/attestations/signing.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

// Thin: every id below comes from the browser and may be forged; the use cases re-check it against the actor.

const listPath = (serviceId: string) => `/editeur/services/${serviceId}/attestations`;
const attestationPath = (serviceId: string, attestationId: string) => `${listPath(serviceId)}/${attestationId}`;

export async function createAttestationAction(serviceId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => createAttestation(actor, serviceId, values, request), {
    revalidate: (created) => [listPath(created.serviceId)],
    redirectTo: (created) => `${attestationPath(created.serviceId, created.attestationId)}?enregistre=1`,
  });
}

export async function updateAttestationAction(serviceId: string, attestationId: unknown, values: unknown): Promise<ActionResult> {
  const path = attestationPath(serviceId, String(attestationId));
  return signedInAction((actor, request) => updateAttestation(actor, attestationId, values, request), {
    revalidate: () => [path],
    redirectTo: (outcome) => `${path}?${outcome.cancelledRound ? "envoi-annule=1" : outcome.changed ? "enregistre=1" : "inchange=1"}`,
  });
}

/** An act on one attestation that stays on its page with a notice. */
const stay = (serviceId: string, attestationId: unknown, message: string) => ({
  revalidate: () => [attestationPath(serviceId, String(attestationId)), listPath(serviceId)],
  notice: () => message,
});

export async function sendAttestationAction(serviceId: string, attestationId: unknown, version: unknown): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => sendForSignature(actor, attestationId, version, request),
    stay(serviceId, attestationId, "L'attestation est envoyée pour signature : chaque signataire du client invité reçoit son lien personnel par courriel."),
  );
}

export async function resendLinkAction(serviceId: string, attestationId: unknown, signatureId?: unknown): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => resendClientLink(actor, attestationId, request, new Date(), signatureId),
    stay(serviceId, attestationId, "Un nouveau lien de signature est envoyé à ce signataire du client ; l'ancien ne fonctionne plus."),
  );
}

export async function cancelClientLinkAction(serviceId: string, attestationId: unknown, signatureId: unknown): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => cancelClientLink(actor, attestationId, signatureId, request),
    stay(serviceId, attestationId, "Le lien de ce signataire est annulé et il en est informé. Envoyez-lui un nouveau lien quand vous le souhaitez : l'attestation attend toujours sa signature."),
  );
}

export async function cancelRoundAction(serviceId: string, attestationId: unknown): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => cancelSigningRound(actor, attestationId, request),
    stay(serviceId, attestationId, "La demande de signature est annulée : les liens envoyés ne fonctionnent plus."),
  );
}

export async function withdrawAttestationAction(serviceId: string, attestationId: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => cancelAttestation(actor, attestationId, request), stay(serviceId, attestationId, "L'attestation est abandonnée."));
}

export async function retrySealAction(serviceId: string, attestationId: unknown): Promise<ActionResult> {
  return signedInAction((actor) => retrySeal(actor, attestationId), stay(serviceId, attestationId, "L'attestation est scellée."));
}

export async function signAsEditorAction(serviceId: string, attestationId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => signAsEditor(actor, attestationId, values, request), stay(serviceId, attestationId, "Votre signature est enregistrée."));
}

export async function declineAsEditorAction(serviceId: string, attestationId: string, values: unknown): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => declineAsEditor(actor, attestationId, values, request),
    stay(serviceId, attestationId, "Votre refus est enregistré et l'équipe est prévenue."),
  );
}

export async function setRemindersAction(serviceId: string, attestationId: unknown, enabled: boolean): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => setAttestationReminders(actor, attestationId, enabled, request),
    stay(
      serviceId,
      attestationId,
      enabled ? "Les rappels de signature sont activés." : "Les rappels de signature sont désactivés : le client ne recevra plus de rappel pour cette attestation.",
    ),
  );
}
