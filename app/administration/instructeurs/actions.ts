"use server";

import { createAnsAccount, resetAnsAccountPassword, resetAnsSecondFactors, setAnsAccountActive, setAnsAccountAdmin } from "@/lib/ans-accounts/ans-accounts.server";
import { signedInAction, type ActionResult } from "@/lib/form-action.server";

const PATH = "/administration/instructeurs";
const refresh = () => [PATH];

// The one-time password comes back to the form only (never stored in clear, never in a URL).
export type OneTimePassword = { ok: true; oneTimePassword: string };

export async function createAnsAccountAction(values: unknown): Promise<ActionResult | OneTimePassword> {
  return signedInAction((actor, request) => createAnsAccount(actor, values, request), {
    revalidate: refresh,
    answer: (r): OneTimePassword => ({ ok: true, oneTimePassword: r.oneTimePassword }),
    forbiddenAsPage: true,
    stepUp: true,
  });
}

export async function resetAnsPasswordAction(userId: string): Promise<ActionResult | OneTimePassword> {
  return signedInAction((actor, request) => resetAnsAccountPassword(actor, { userId }, request), {
    revalidate: refresh,
    answer: (r): OneTimePassword => ({ ok: true, oneTimePassword: r.oneTimePassword }),
    forbiddenAsPage: true,
  });
}

export async function setAccountActiveAction(userId: string, active: boolean): Promise<ActionResult> {
  return signedInAction((actor, request) => setAnsAccountActive(actor, { userId, active }, request), { revalidate: refresh, forbiddenAsPage: true });
}

export async function setAccountAdminAction(userId: string, admin: boolean): Promise<ActionResult> {
  return signedInAction((actor, request) => setAnsAccountAdmin(actor, { userId, admin }, request), { revalidate: refresh, forbiddenAsPage: true, stepUp: true });
}

/** A lost phone: the person's second factors go, with a reason; a sensitive act (issue 19). */
export async function resetSecondFactorsAction(userId: string, values: { reason?: unknown }): Promise<ActionResult> {
  return signedInAction((actor, request) => resetAnsSecondFactors(actor, { userId, reason: values?.reason }, request), {
    revalidate: refresh,
    forbiddenAsPage: true,
    stepUp: true,
    notice: ({ name }) => `Les seconds facteurs de ${name} sont réinitialisés : à sa prochaine connexion, il en activera un nouveau.`,
  });
}
