"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { refuseSquattingOrganization, removeMembersByAns, squattingCasePath, SQUATTING_QUEUE_PATH, transferOrganization } from "@/lib/organizations/squatting.server";

// Thin: the use cases check the role (403 for editors), the ids, the case's state and the reason.

function field(values: unknown, name: string): unknown {
  return values && typeof values === "object" ? (values as Record<string, unknown>)[name] : undefined;
}

const revalidate = () => [SQUATTING_QUEUE_PATH, "/instruction/organisations"];

export async function transferOrganizationAction(joinRequestId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => transferOrganization(actor, joinRequestId, { reason: field(values, "reason") }, request), {
    forbiddenAsPage: true,
    revalidate,
    redirectTo: () => `${squattingCasePath(encodeURIComponent(String(joinRequestId)))}?fait=transferee`,
  });
}

export async function refuseSquattingOrganizationAction(joinRequestId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => refuseSquattingOrganization(actor, joinRequestId, { reason: field(values, "reason") }, request), {
    forbiddenAsPage: true,
    revalidate,
    redirectTo: () => `${squattingCasePath(encodeURIComponent(String(joinRequestId)))}?fait=refusee`,
  });
}

export async function removeMembersAction(joinRequestId: string, values: unknown): Promise<ActionResult> {
  return signedInAction(
    (actor, request) => removeMembersByAns(actor, joinRequestId, { membershipIds: field(values, "membershipIds"), reason: field(values, "reason") }, request),
    {
      forbiddenAsPage: true,
      revalidate,
      redirectTo: () => `${squattingCasePath(encodeURIComponent(String(joinRequestId)))}?fait=retires`,
    },
  );
}
