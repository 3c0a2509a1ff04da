"use server";

import { gatedAction } from "@/lib/accounts/gated-action.server";
import { getSignedInAccount } from "@/lib/auth/session.server";
import { AppError } from "@/lib/errors";
import { publicAction, signedInAction, SIGNED_OUT, type ActionResult } from "@/lib/form-action.server";
import type { FormResult } from "@/lib/form-result";
import { safeReturnPath } from "@/lib/return-path";
import { confirmTotpEnrolment, regenerateRecoveryCodes, removeOwnTotpFactor, verifySecondFactor } from "@/lib/second-factor/second-factor.server";

export type RecoveryCodesAnswer = { ok: true; recoveryCodes: string[] };

/** The enrolment an ANS account must make at its first sign-in (the gate), or that anyone makes from /compte. */
export async function confirmEnrolmentAction(values: unknown): Promise<RecoveryCodesAnswer | FormResult> {
  return publicAction(
    async (_actor, request) => {
      const account = await getSignedInAccount();
      // Held at the enrolment gate, or signed in and through every gate (a voluntary enrolment).
      if (!account || (account.gate !== null && account.gate !== "second_factor_enrolment")) throw new AppError("UNAUTHENTICATED", SIGNED_OUT.formError!);
      return confirmTotpEnrolment(account.actor, account.sessionId, values, request);
    },
    // No revalidation: re-rendering the page would leave it (the gate is passed) before the codes are read.
    { answer: ({ recoveryCodes }) => ({ ok: true as const, recoveryCodes }) },
  );
}

/** The sign-in step after the password: then on to where the person was going (`retour`). */
export async function verifySignInCodeAction(values: unknown, retour: unknown): Promise<ActionResult> {
  return gatedAction(
    "second_factor",
    async (account, request) => {
      if (!account.sessionId) throw new AppError("UNAUTHENTICATED", SIGNED_OUT.formError!);
      await verifySecondFactor(account.actor, account.sessionId, values, "sign_in", request);
    },
    // The root layout too: its header was drawn at the gate, without the navigation the account now has.
    { redirectTo: () => safeReturnPath(retour) ?? "/espace", revalidate: () => [{ path: "/", type: "layout" }] },
  );
}

/** A fresh check before a sensitive act; the page then re-submits the act's form as it was. */
export async function verifyStepUpAction(values: unknown): Promise<ActionResult> {
  return signedInAction(
    async (actor, request) => {
      const account = await getSignedInAccount();
      if (!account?.sessionId) throw new AppError("UNAUTHENTICATED", SIGNED_OUT.formError!);
      await verifySecondFactor(actor, account.sessionId, values, "step_up", request);
    },
    { notice: () => "Identité confirmée." },
  );
}

export async function regenerateRecoveryCodesAction(): Promise<RecoveryCodesAnswer | FormResult> {
  return signedInAction(
    async (actor, request) => {
      const account = await getSignedInAccount();
      return regenerateRecoveryCodes(actor, account?.secondFactorAt ?? null, request);
    },
    { stepUp: "always", answer: (recoveryCodes) => ({ ok: true as const, recoveryCodes }) },
  );
}

/** The account's own authenticator app and recovery codes removed; refused when it is a factor the account must keep. */
export async function removeTotpFactorAction(): Promise<ActionResult> {
  return signedInAction(
    async (actor, request) => {
      const account = await getSignedInAccount();
      await removeOwnTotpFactor(actor, account?.secondFactorAt ?? null, request);
    },
    {
      stepUp: "always",
      revalidate: () => ["/compte/second-facteur", "/compte"],
      notice: () => "L'application d'authentification est retirée, ainsi que vos codes de secours : seul le mot de passe est désormais demandé.",
    },
  );
}
