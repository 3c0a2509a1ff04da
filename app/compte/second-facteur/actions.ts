"use server";

import { gatedAction } from "@/lib/accounts/gated-action.server";
import { getSignedInAccount } from "@/lib/auth/session.server";
import { AppError } from "@/lib/errors";
import { publicAction, signedInAction, SIGNED_OUT, STEP_UP_REQUIRED, type ActionResult } from "@/lib/form-action.server";
import type { FormResult } from "@/lib/form-result";
import { safeReturnPath } from "@/lib/return-path";
import { beginPasskeyAuthentication, beginPasskeyRegistration, finishPasskeyRegistration, removeOwnPasskey, verifyPasskey } from "@/lib/second-factor/passkeys.server";
import { hasAnyFactor } from "@/lib/second-factor/policy";
import { confirmTotpEnrolment, regenerateRecoveryCodes, removeOwnTotpFactor, stepUpFresh, verifySecondFactor } from "@/lib/second-factor/second-factor.server";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";

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
      notice: () => "L'application d'authentification est retirée, ainsi que vos codes de secours.",
    },
  );
}

export type PasskeyCreationAnswer = { ok: true; options: PublicKeyCredentialCreationOptionsJSON };
export type PasskeyRequestAnswer = { ok: true; options: PublicKeyCredentialRequestOptionsJSON };

/** Signed in and through every gate, or held at the enrolment gate: who may add a passkey (ADR 0060). */
async function enrollingAccount() {
  const account = await getSignedInAccount();
  if (!account || (account.gate !== null && account.gate !== "second_factor_enrolment")) throw new AppError("UNAUTHENTICATED", SIGNED_OUT.formError!);
  return account;
}

/** Whether adding a passkey must first pass a fresh check: only when the account already has a factor. */
async function registrationNeedsStepUp(): Promise<boolean> {
  const account = await getSignedInAccount();
  return account !== null && account.gate === null && hasAnyFactor(account.secondFactors) && !stepUpFresh(account.secondFactorAt);
}

/** The browser's options to create a passkey; the step-up dialog first when the account already has a factor. */
export async function beginPasskeyRegistrationAction(): Promise<PasskeyCreationAnswer | FormResult> {
  if (await registrationNeedsStepUp()) return STEP_UP_REQUIRED;
  return publicAction(
    async () => {
      const account = await enrollingAccount();
      return beginPasskeyRegistration(account.actor, account.sessionId, account.secondFactorAt);
    },
    { answer: (options) => ({ ok: true as const, options }) },
  );
}

/** The new passkey, checked and stored under its name. */
export async function finishPasskeyRegistrationAction(values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      const account = await enrollingAccount();
      return finishPasskeyRegistration(account.actor, account.sessionId, account.secondFactorAt, values, request);
    },
    {
      // Not at the enrolment gate: re-rendering would leave the page before the person reads that it worked.
      revalidate: () => ["/compte/second-facteur", "/compte"],
      notice: ({ name }) => `Clé d'accès « ${name} » ajoutée.`,
    },
  );
}

/** The same at the enrolment gate: no revalidation, or the page would leave (the gate is passed) before it says so. */
export async function finishPasskeyEnrolmentAction(values: unknown): Promise<ActionResult> {
  return publicAction(
    async (_actor, request) => {
      const account = await enrollingAccount();
      return finishPasskeyRegistration(account.actor, account.sessionId, account.secondFactorAt, values, request);
    },
    { notice: ({ name }) => `Clé d'accès « ${name} » ajoutée.` },
  );
}

/** The browser's options to check a passkey: at the sign-in step, or for a step-up of a signed-in session. */
export async function beginPasskeyCheckAction(purpose: unknown): Promise<PasskeyRequestAnswer | FormResult> {
  return publicAction(
    async () => {
      const account = await getSignedInAccount();
      const allowed = purpose === "sign_in" ? account?.gate === "second_factor" : purpose === "step_up" ? account?.gate === null : false;
      if (!account || !allowed) throw new AppError("UNAUTHENTICATED", SIGNED_OUT.formError!);
      return beginPasskeyAuthentication(account.actor, account.sessionId);
    },
    { answer: (options) => ({ ok: true as const, options }) },
  );
}

/** The sign-in step passed with a passkey: then on to where the person was going (`retour`). */
export async function verifyPasskeySignInAction(response: unknown, retour: unknown): Promise<ActionResult> {
  return gatedAction(
    "second_factor",
    async (account, request) => {
      await verifyPasskey(account.actor, account.sessionId, response, "sign_in", request);
    },
    { redirectTo: () => safeReturnPath(retour) ?? "/espace", revalidate: () => [{ path: "/", type: "layout" }] },
  );
}

/** A fresh check by passkey before a sensitive act; the page then re-submits the act's form as it was. */
export async function verifyPasskeyStepUpAction(response: unknown): Promise<ActionResult> {
  return signedInAction(
    async (actor, request) => {
      const account = await getSignedInAccount();
      await verifyPasskey(actor, account?.sessionId ?? null, response, "step_up", request);
    },
    { notice: () => "Identité confirmée." },
  );
}

/** One of the account's own passkeys removed; refused when it is the last factor the account must keep. */
export async function removePasskeyAction(values: unknown): Promise<ActionResult> {
  return signedInAction(
    async (actor, request) => {
      const account = await getSignedInAccount();
      return removeOwnPasskey(actor, account?.secondFactorAt ?? null, values, request);
    },
    {
      stepUp: "always",
      revalidate: () => ["/compte/second-facteur", "/compte"],
      notice: ({ name }) => `Clé d'accès « ${name} » retirée.`,
    },
  );
}
