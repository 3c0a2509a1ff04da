"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { createTestPlan, updateTestPlan } from "@/lib/platines/test-plans.server";

export async function createTestPlanAction(values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => createTestPlan(actor, values, request), {
    forbiddenAsPage: true,
    redirectTo: ({ planId }) => `/administration/platines?ajoute=${encodeURIComponent(planId)}`,
  });
}

export async function updateTestPlanAction(planId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => updateTestPlan(actor, planId, values, request), {
    forbiddenAsPage: true,
    redirectTo: () => `/administration/platines?enregistre=${encodeURIComponent(planId)}`,
  });
}
