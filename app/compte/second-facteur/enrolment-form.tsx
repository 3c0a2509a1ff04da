"use client";

import { useState } from "react";
import { buttonClassName } from "@/components/ui/button-styles";
import { Alert } from "@/components/ui/Alert";
import { confirmEnrolmentAction } from "./actions";
import { CodeForm } from "./code-form";
import { RecoveryCodesList } from "./recovery-codes-list";

/** Scan or type the secret, prove it with a first code, then read the recovery codes once. */
export function EnrolmentForm({ qrSvg, groupedSecret, continueTo }: { qrSvg: string; groupedSecret: string; continueTo: string }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) {
    return (
      <div className="space-y-6">
        <Alert variant="success" title="L'application d'authentification est activée" live />
        <RecoveryCodesList codes={codes} />
        {/* A full page load, not a client navigation: the header (kept across client navigations) was drawn while the
            account was held at the enrolment gate, without the navigation it now has. */}
        <a href={continueTo} className={buttonClassName({})}>
          J&apos;ai noté mes codes de secours, continuer
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <ol className="list-decimal space-y-4 pl-6">
        <li>
          <p className="mb-2">Dans votre application d&apos;authentification (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator…), ajoutez un compte en scannant ce code QR :</p>
          {/* The SVG is drawn by the server from the otpauth URI alone (qrcode): no markup of anyone's input. */}
          <div role="img" aria-label="Code QR à scanner avec votre application d'authentification" className="w-56 bg-white p-2" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        </li>
        <li>
          <p>
            Ou saisissez ce secret à la main (type « basé sur le temps », 6 chiffres, 30 secondes) :{" "}
            <code data-testid="totp-secret" className="break-all rounded bg-grey-100 px-2 py-1 font-mono text-lg">
              {groupedSecret}
            </code>
          </p>
        </li>
        <li>Saisissez le code à 6 chiffres que l&apos;application affiche.</li>
      </ol>
      <CodeForm
        id="enrolment-code"
        allowRecoveryCode={false}
        submitLabel="Activer"
        refusedTitle="L'application n'est pas activée"
        action={async (values) => {
          const result = await confirmEnrolmentAction(values);
          if (result.ok && "recoveryCodes" in result) {
            setCodes(result.recoveryCodes);
            return undefined;
          }
          return result;
        }}
      />
    </div>
  );
}
