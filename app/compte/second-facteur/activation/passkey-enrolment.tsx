"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { buttonClassName } from "@/components/ui/button-styles";
import { PasskeyRegistrationForm } from "../passkey-registration-form";

/** The enrolment gate's other way: a passkey instead of the app (ADR 0060). */
export function PasskeyEnrolment({ continueTo }: { continueTo: string }) {
  const [added, setAdded] = useState<string | null>(null);
  if (added) {
    return (
      <div className="space-y-6">
        <Alert variant="success" title={added} live />
        {/* A full page load: the header was drawn at the gate, without the navigation the account now has. */}
        <a href={continueTo} className={buttonClassName({})}>
          Continuer
        </a>
      </div>
    );
  }
  return <PasskeyRegistrationForm atGate onAdded={setAdded} />;
}
