"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { validatePlatinesSubmission } from "@/lib/platines/submissions.server";

/** Records that ANS validated the latest session of a plan, then back to the page, which confirms it. */
export async function validatePlatinesAction(submissionId: string, values: { note: string }): Promise<ActionResult> {
  return signedInAction((actor, request) => validatePlatinesSubmission(actor, submissionId, { note: values.note }, request), {
    forbiddenAsPage: true,
    revalidate: ({ serviceId }) => [`/instruction/services/${serviceId}/platines`],
    redirectTo: ({ serviceId, submissionId: validated }) =>
      `/instruction/services/${encodeURIComponent(serviceId)}/platines?valide=${encodeURIComponent(validated)}`,
  });
}
