"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { createMessageTemplate, deleteMessageTemplate, updateMessageTemplate } from "@/lib/review/message-templates.server";

const fields = (values: unknown): Record<string, unknown> => (values && typeof values === "object" ? { ...(values as Record<string, unknown>) } : {});

export async function createMessageTemplateAction(values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => createMessageTemplate(actor, values, request), {
    forbiddenAsPage: true,
    redirectTo: () => "/administration/modeles?fait=ajoute",
  });
}

export async function updateMessageTemplateAction(id: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => updateMessageTemplate(actor, { ...fields(values), id }, request), {
    forbiddenAsPage: true,
    redirectTo: () => "/administration/modeles?fait=modifie",
  });
}

export async function deleteMessageTemplateAction(id: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => deleteMessageTemplate(actor, { ...fields(values), id }, request), {
    forbiddenAsPage: true,
    redirectTo: () => "/administration/modeles?fait=supprime",
  });
}
