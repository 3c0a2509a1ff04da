"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { decideOrganization } from "@/lib/organizations/verification.server";

// Thin: the use case checks the role (403 for anyone else), the status and the reason.

type Decision = "verify" | "refuse" | "suspend" | "reinstate";
const DECISIONS: readonly Decision[] = ["verify", "refuse", "suspend", "reinstate"];
const NOTICES: Record<Decision, string> = { verify: "verifiee", refuse: "refusee", suspend: "suspendue", reinstate: "retablie" };

export async function decideOrganizationAction(organizationId: string, decision: Decision, values: unknown): Promise<ActionResult> {
  const reason = values && typeof values === "object" ? (values as Record<string, unknown>).reason : undefined;
  return signedInAction(
    (actor, request) => {
      if (!DECISIONS.includes(decision)) throw new Error("unknown decision");
      return decideOrganization(actor, decision, { organizationId, reason }, request);
    },
    {
      forbiddenAsPage: true,
      revalidate: () => ["/instruction/organisations", { path: "/instruction", type: "page" }],
      redirectTo: () => `/instruction/organisations/${encodeURIComponent(organizationId)}?fait=${NOTICES[decision]}`,
    },
  );
}
