"use server";

import { postMessage } from "@/lib/applications/post-message.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { reviewApplicationPath } from "@/lib/paths";
import { approveApplication } from "@/lib/review/approve.server";
import { refuseApplication } from "@/lib/review/refuse.server";
import { requestChanges } from "@/lib/review/request-changes.server";
import { addInternalNote, assignApplication } from "@/lib/review/team.server";

// Thin: parse nothing here (the use cases validate), call the use case, go back to the dossier with a notice.

const fields = (values: unknown): Record<string, unknown> => (values && typeof values === "object" ? { ...(values as Record<string, unknown>) } : {});

const back = (applicationId: string, notice: string) => ({
  forbiddenAsPage: true,
  redirectTo: () => `${reviewApplicationPath(String(applicationId))}?fait=${notice}`,
});

export async function requestChangesAction(applicationId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => requestChanges(actor, { ...fields(values), applicationId }, request), back(applicationId, "modifications-demandees"));
}

export async function approveAction(applicationId: string, values: unknown): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => approveApplication(actor, { version: undefined, accessProfileId: undefined, ...fields(values), applicationId }, request),
    // Approving grants access to restricted data: a sensitive act (issue 19).
    { ...back(applicationId, "approuve"), stepUp: true },
  );
}

export async function refuseAction(applicationId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => refuseApplication(actor, { ...fields(values), applicationId }, request), back(applicationId, "refuse"));
}

export async function postReviewerMessageAction(applicationId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => postMessage(actor, { body: fields(values).body, applicationId, side: "reviewer" }, request), back(applicationId, "message"));
}

export async function assignAction(applicationId: string, values: unknown): Promise<ActionResult> {
  const v = fields(values);
  return signedInAction(
    (actor, request) => assignApplication(actor, { applicationId, assigneeId: v.assigneeId, expectedAssigneeId: v.expectedAssigneeId }, request),
    back(applicationId, "attribution"),
  );
}

export async function addNoteAction(applicationId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => addInternalNote(actor, { applicationId, body: fields(values).body }, request), back(applicationId, "note"));
}
