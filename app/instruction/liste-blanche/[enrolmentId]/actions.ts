"use server";

import { reinstateEnrolment } from "@/lib/enrolments/reinstate.server";
import { revokeEnrolment } from "@/lib/enrolments/revoke.server";
import { suspendEnrolment } from "@/lib/enrolments/suspend.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { setEnrolmentQuotas } from "@/lib/enrolments/quotas.server";

// Thin: the use cases validate; back to the enrolment with a notice.

const fields = (values: unknown): Record<string, unknown> => (values && typeof values === "object" ? { ...(values as Record<string, unknown>) } : {});

// Suspending and revoking an enrolment are sensitive acts (issue 19): a recent second-factor check.
const sensitive = (enrolmentId: string, notice: string) => ({ ...back(enrolmentId, notice), stepUp: true });

const back = (enrolmentId: string, notice: string) => ({
  forbiddenAsPage: true,
  redirectTo: () => `/instruction/liste-blanche/${encodeURIComponent(String(enrolmentId))}?fait=${notice}`,
});

export async function setQuotasAction(enrolmentId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => setEnrolmentQuotas(actor, { ...fields(values), enrolmentId }, request), back(enrolmentId, "quotas"));
}

export async function suspendAction(enrolmentId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => suspendEnrolment(actor, { ...fields(values), enrolmentId }, request), sensitive(enrolmentId, "suspendue"));
}

export async function reinstateAction(enrolmentId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => reinstateEnrolment(actor, { ...fields(values), enrolmentId }, request), back(enrolmentId, "retablie"));
}

export async function revokeAction(enrolmentId: string, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => revokeEnrolment(actor, { ...fields(values), enrolmentId }, request), sensitive(enrolmentId, "revoquee"));
}
