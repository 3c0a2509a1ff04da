"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { createTestPlan, updateTestPlan } from "@/lib/platines/test-plans.server";
import { currentRequestContext } from "@/lib/request.server";

function failure(error: unknown): FormResult {
  if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
  return formResultFromError(error);
}

export async function createTestPlanAction(values: unknown): Promise<FormResult> {
  const actor = await requireActor("/administration/platines");
  let planId: string;
  try {
    ({ planId } = await createTestPlan(actor, values, await currentRequestContext()));
  } catch (error) {
    return failure(error);
  }
  redirect(`/administration/platines?ajoute=${encodeURIComponent(planId)}`);
}

export async function updateTestPlanAction(planId: string, values: unknown): Promise<FormResult> {
  const actor = await requireActor("/administration/platines");
  try {
    await updateTestPlan(actor, planId, values, await currentRequestContext());
  } catch (error) {
    return failure(error);
  }
  redirect(`/administration/platines?enregistre=${encodeURIComponent(planId)}`);
}
