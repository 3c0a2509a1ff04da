"use client";

import { StepUpProvider } from "@/components/forms/step-up";
import { beginPasskeyCheckAction, verifyPasskeyStepUpAction, verifyStepUpAction } from "./actions";
import { checkPasskey } from "./passkey-ceremony";

const stepUpWithPasskey = () => checkPasskey(() => beginPasskeyCheckAction("step_up"), verifyPasskeyStepUpAction);

/** The portal's step-up dialog with the ways this account has: a code, a passkey, or both (ADR 0060). */
export function PortalStepUp({ totp, passkeys, children }: { totp: boolean; passkeys: number; children: React.ReactNode }) {
  return (
    <StepUpProvider verify={verifyStepUpAction} passkey={passkeys > 0 ? stepUpWithPasskey : undefined} offerCode={totp || passkeys === 0}>
      {children}
    </StepUpProvider>
  );
}
