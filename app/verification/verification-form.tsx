"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { VerificationResultAlert } from "@/components/attestations/VerificationResultAlert";
import { useUpload } from "@/components/forms/use-upload";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FileField } from "@/components/ui/FileField";
import { UploadProgress } from "@/components/ui/UploadProgress";
import { MAX_VERIFICATION_BYTES, VERIFICATION_FILE_MESSAGES } from "@/lib/attestations/verification-result";
import { refusalOf } from "@/lib/uploads/upload-answer";
import { verifyAttestationAction, type VerificationState } from "./actions";

const FIELD = "attestationFile";

/**
 * With JavaScript the PDF goes to POST /api/verification with a progress bar (ADR 0026); without it, the form posts
 * to the server action, within the small server-action body limit.
 */
export function VerificationForm() {
  const [actionState, formAction, actionPending] = useActionState<VerificationState | null, FormData>(verifyAttestationAction, null);
  const [sent, setSent] = useState<VerificationState | null>(null);
  const upload = useUpload();
  const state = sent ?? actionState;
  const pending = actionPending || upload.busy;
  // Checked in the browser too, so that a big file is not even sent; the server checks again.
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const error = localError ?? state?.fieldErrors[FIELD];

  useEffect(() => {
    if (state?.fieldErrors[FIELD]) input.current?.focus();
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    const problem = !file
      ? VERIFICATION_FILE_MESSAGES.missing
      : file.size === 0
        ? VERIFICATION_FILE_MESSAGES.empty
        : file.size > MAX_VERIFICATION_BYTES
          ? VERIFICATION_FILE_MESSAGES.tooLarge
          : null;
    setLocalError(problem);
    if (problem || !file) {
      input.current?.focus();
      return;
    }
    setSent(null);
    const body = new FormData();
    body.set(FIELD, file);
    void upload.send("/api/verification", body, { label: file.name, fileBytes: file.size }).then((outcome) => {
      setSent(refusalOf(outcome) ?? (outcome.kind === "answer" ? (outcome.body as VerificationState) : null));
    });
  }

  return (
    <div className="space-y-8">
      <form action={formAction} onSubmit={submit} noValidate className="space-y-6">
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
        {upload.progress ? <UploadProgress {...upload.progress} onCancel={upload.cancel} /> : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Vérification…" : "Vérifier"}
        </Button>
      </form>
      {!pending && state?.result && !localError && <VerificationResultAlert result={state.result} />}
    </div>
  );
}
