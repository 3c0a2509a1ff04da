"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import { reinstateEnrolment } from "@/lib/enrolments/reinstate.server";
import { revokeEnrolment } from "@/lib/enrolments/revoke.server";
import { suspendEnrolment } from "@/lib/enrolments/suspend.server";
import { setEnrolmentQuotas } from "@/lib/whitelist/quotas.server";

// Thin: the use cases validate; back to the enrolment with a notice.

const fields = (values: unknown): Record<string, unknown> => (values && typeof values === "object" ? { ...(values as Record<string, unknown>) } : {});

async function run(enrolmentId: string, notice: string, act: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<unknown>): Promise<FormResult> {
  const path = `/instruction/liste-blanche/${encodeURIComponent(String(enrolmentId))}`;
  const actor = await requireActor(path);
  try {
    await act(actor);
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    return formResultFromError(error);
  }
  redirect(`${path}?fait=${notice}`);
}

export async function setQuotasAction(enrolmentId: string, values: unknown): Promise<FormResult> {
  return run(enrolmentId, "quotas", async (actor) => setEnrolmentQuotas(actor, { ...fields(values), enrolmentId }, await currentRequestContext()));
}

export async function suspendAction(enrolmentId: string, values: unknown): Promise<FormResult> {
  return run(enrolmentId, "suspendue", async (actor) => suspendEnrolment(actor, { ...fields(values), enrolmentId }, await currentRequestContext()));
}

export async function reinstateAction(enrolmentId: string, values: unknown): Promise<FormResult> {
  return run(enrolmentId, "retablie", async (actor) => reinstateEnrolment(actor, { ...fields(values), enrolmentId }, await currentRequestContext()));
}

export async function revokeAction(enrolmentId: string, values: unknown): Promise<FormResult> {
  return run(enrolmentId, "revoquee", async (actor) => revokeEnrolment(actor, { ...fields(values), enrolmentId }, await currentRequestContext()));
}
