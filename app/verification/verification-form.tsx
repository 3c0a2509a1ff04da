"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { VerificationResultAlert } from "@/components/attestations/VerificationResultAlert";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FileField } from "@/components/ui/FileField";
import { MAX_VERIFICATION_BYTES, VERIFICATION_FILE_MESSAGES } from "@/lib/attestations/verification-result";
import { verifyAttestationAction, type VerificationState } from "./actions";

const FIELD = "attestationFile";

export function VerificationForm() {
  const [state, formAction, pending] = useActionState<VerificationState | null, FormData>(verifyAttestationAction, null);
  // Checked in the browser too, so that a big file is not even sent; the server checks again.
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const error = localError ?? state?.fieldErrors[FIELD];

  useEffect(() => {
    if (state?.fieldErrors[FIELD]) input.current?.focus();
  }, [state]);

  function checkFile(event: FormEvent<HTMLFormElement>) {
    const file = input.current?.files?.[0];
    const problem = !file
      ? VERIFICATION_FILE_MESSAGES.missing
      : file.size === 0
        ? VERIFICATION_FILE_MESSAGES.empty
        : file.size > MAX_VERIFICATION_BYTES
          ? VERIFICATION_FILE_MESSAGES.tooLarge
          : null;
    setLocalError(problem);
    if (problem) {
      event.preventDefault();
      input.current?.focus();
    }
  }

  return (
    <div className="space-y-8">
      <form action={formAction} onSubmit={checkFile} noValidate className="space-y-6">
        {state?.formError && (
          <Alert variant="error" title="La vérification n'a pas pu être faite" live>
            {state.formError}
          </Alert>
        )}
        <FileField
          ref={input}
          id={FIELD}
          name={FIELD}
          label="Attestation au format PDF"
          hint="Le fichier tel que téléchargé depuis le portail, 10 Mio au plus."
          accept="application/pdf,.pdf"
          error={error}
          onChange={() => setLocalError(null)}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Vérification…" : "Vérifier"}
        </Button>
      </form>
      {!pending && state?.result && !localError && <VerificationResultAlert result={state.result} />}
    </div>
  );
}
