"use server";

import { setEditorAccountActive } from "@/lib/accounts/editor-accounts.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

const fields = (values: unknown): Record<string, unknown> => (values && typeof values === "object" ? { ...(values as Record<string, unknown>) } : {});

export async function setEditorAccountActiveAction(userId: string, active: boolean, values: unknown): Promise<ActionResult> {
  const path = `/administration/comptes-editeurs/${encodeURIComponent(String(userId))}`;
  return signedInAction((actor, request) => setEditorAccountActive(actor, { ...fields(values), userId, active }, request), {
    forbiddenAsPage: true,
    revalidate: () => [path, "/administration/comptes-editeurs"],
    redirectTo: ({ active }) => `${path}?fait=${active ? "reactive" : "desactive"}`,
  });
}
