"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createDraft } from "@/lib/applications/create-draft.server";
import { openAmendment } from "@/lib/applications/open-amendment.server";
import { editorApplicationPath } from "@/lib/paths";
import { postMessage } from "@/lib/applications/post-message.server";
import { submitApplication } from "@/lib/applications/submit.server";
import { withdrawApplication } from "@/lib/applications/withdraw.server";
import { getActor } from "@/lib/auth/session.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";

// Thin: every id and version below comes from the browser and may be forged or stale; the use cases re-check
// them against the actor and the database (a stale version is refused with the French CONFLICT message).

export type ActionResult = { ok: true; message: string } | FormResult;

const SIGNED_OUT: FormResult = { ok: false, fieldErrors: {}, formError: "Votre session a expiré. Reconnectez-vous, puis recommencez." };

const servicePath = (serviceId: string) => `/editeur/services/${encodeURIComponent(serviceId)}`;

function refresh(applicationId: string, serviceId?: string) {
  revalidatePath(editorApplicationPath(applicationId));
  revalidatePath("/editeur/dossiers");
  if (serviceId) revalidatePath(servicePath(serviceId));
}

function fields(values: unknown): Record<string, unknown> {
  return typeof values === "object" && values !== null ? (values as Record<string, unknown>) : {};
}

/** A first application for a service: a draft, then the dossier's page. */
export async function createDraftAction(serviceId: unknown): Promise<FormResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  let applicationId: string;
  try {
    ({ applicationId } = await createDraft(actor, { serviceId }, await currentRequestContext()));
  } catch (error) {
    return formResultFromError(error);
  }
  refresh(applicationId, String(serviceId));
  redirect(`${editorApplicationPath(applicationId)}?cree=1`);
}

/** An amendment of an enrolled service ("Demander une modification"), opened as a draft with its reason. */
export async function openAmendmentAction(serviceId: unknown, values: unknown): Promise<FormResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  let applicationId: string;
  try {
    ({ applicationId } = await openAmendment(actor, { serviceId, reason: "CHANGE", note: fields(values).note }, await currentRequestContext()));
  } catch (error) {
    return formResultFromError(error);
  }
  refresh(applicationId, String(serviceId));
  redirect(`${editorApplicationPath(applicationId)}?cree=1`);
}

/** The short path: a certificate renewal, opened and submitted at once (nothing opened when incomplete). */
export async function renewCertificateAction(serviceId: unknown): Promise<FormResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  let applicationId: string;
  try {
    ({ applicationId } = await openAmendment(actor, { serviceId, reason: "CERTIFICATE_RENEWAL", submitNow: true }, await currentRequestContext()));
  } catch (error) {
    return formResultFromError(error);
  }
  refresh(applicationId, String(serviceId));
  redirect(`${editorApplicationPath(applicationId)}?depose=1`);
}

export async function submitApplicationAction(applicationId: unknown, values: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  try {
    const { submissionNumber } = await submitApplication(actor, { applicationId, version: fields(values).version }, await currentRequestContext());
    refresh(String(applicationId));
    return {
      ok: true,
      message: submissionNumber > 1 ? "Le dossier est déposé à nouveau : l'ANS reprend son instruction." : "Le dossier est déposé : l'ANS va l'instruire.",
    };
  } catch (error) {
    return formResultFromError(error);
  }
}

export async function withdrawApplicationAction(applicationId: unknown, values: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  try {
    await withdrawApplication(actor, { applicationId, version: fields(values).version }, await currentRequestContext());
    refresh(String(applicationId));
    return { ok: true, message: "Le dossier est retiré." };
  } catch (error) {
    return formResultFromError(error);
  }
}

export async function postEditorMessageAction(applicationId: unknown, values: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  try {
    await postMessage(actor, { applicationId, body: fields(values).body, side: "editor" }, await currentRequestContext());
    refresh(String(applicationId));
    return { ok: true, message: "Message envoyé à l'instructeur." };
  } catch (error) {
    return formResultFromError(error);
  }
}
