"use server";

import { createDraft } from "@/lib/applications/create-draft.server";
import { openAmendment } from "@/lib/applications/open-amendment.server";
import { postMessage } from "@/lib/applications/post-message.server";
import { submitApplication } from "@/lib/applications/submit.server";
import { withdrawApplication } from "@/lib/applications/withdraw.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { editorApplicationPath } from "@/lib/paths";

// Thin: every id and version below comes from the browser and may be forged or stale; the use cases re-check
// them against the actor and the database (a stale version is refused with the French CONFLICT message).

const servicePath = (serviceId: string) => `/editeur/services/${encodeURIComponent(serviceId)}`;

const stale = (applicationId: string, serviceId?: string) => [editorApplicationPath(applicationId), "/editeur/dossiers", ...(serviceId ? [servicePath(serviceId)] : [])];

function fields(values: unknown): Record<string, unknown> {
  return typeof values === "object" && values !== null ? (values as Record<string, unknown>) : {};
}

/** Where a newly opened dossier leads: its page, with the notice named. */
const opened = (serviceId: unknown, notice: string) => ({
  revalidate: ({ applicationId }: { applicationId: string }) => stale(applicationId, String(serviceId)),
  redirectTo: ({ applicationId }: { applicationId: string }) => `${editorApplicationPath(applicationId)}?${notice}=1`,
});

/** A first application for a service: a draft, then the dossier's page. */
export async function createDraftAction(serviceId: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => createDraft(actor, { serviceId }, request), opened(serviceId, "cree"));
}

/** An amendment of an enrolled service ("Demander une modification"), opened as a draft with its reason. */
export async function openAmendmentAction(serviceId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => openAmendment(actor, { serviceId, reason: "CHANGE", note: fields(values).note }, request), opened(serviceId, "cree"));
}

/** The short path: a certificate renewal, opened and submitted at once (nothing opened when incomplete). */
export async function renewCertificateAction(serviceId: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => openAmendment(actor, { serviceId, reason: "CERTIFICATE_RENEWAL", submitNow: true }, request), opened(serviceId, "depose"));
}

export async function submitApplicationAction(applicationId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => submitApplication(actor, { applicationId, version: fields(values).version }, request), {
    revalidate: () => stale(String(applicationId)),
    notice: ({ submissionNumber }) =>
      submissionNumber > 1 ? "Le dossier est déposé à nouveau : l'ANS reprend son instruction." : "Le dossier est déposé : l'ANS va l'instruire.",
  });
}

export async function withdrawApplicationAction(applicationId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => withdrawApplication(actor, { applicationId, version: fields(values).version }, request), {
    revalidate: () => stale(String(applicationId)),
    notice: () => "Le dossier est retiré.",
  });
}

export async function postEditorMessageAction(applicationId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => postMessage(actor, { applicationId, body: fields(values).body, side: "editor" }, request), {
    revalidate: () => stale(String(applicationId)),
    notice: () => "Message envoyé à l'instructeur.",
  });
}
