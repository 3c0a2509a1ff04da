"use client";

import { useRouter } from "next/navigation";
import { useActionState, useRef, useState, type FormEvent } from "react";
import { CertificateChecks } from "@/components/certificates/CertificateChecks";
import { useUpload } from "@/components/forms/use-upload";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FileField } from "@/components/ui/FileField";
import { TextArea } from "@/components/ui/TextArea";
import { UploadProgress } from "@/components/ui/UploadProgress";
import { refusalOf } from "@/lib/uploads/upload-answer";
import { uploadCertificateAction, type CertificateUploadState } from "./actions";

/**
 * With JavaScript the certificate goes to POST /api/services/<id>/certificats with a progress bar (ADR 0026);
 * without it, the form posts to the server action.
 */
export function CertificateUploadForm({ serviceId, environment }: { serviceId: string; environment: "TEST" | "PRODUCTION" }) {
  const router = useRouter();
  const [actionState, formAction, actionPending] = useActionState<CertificateUploadState | null, FormData>(uploadCertificateAction, null);
  const [sent, setSent] = useState<CertificateUploadState | null>(null);
  // Drawn anew (emptied) after each registered certificate, never after a refusal.
  const [registered, setRegistered] = useState(0);
  const upload = useUpload();
  const fileInput = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLTextAreaElement>(null);
  const state = sent ?? actionState;
  const pending = actionPending || upload.busy;
  const error = state?.fieldErrors.certificate ?? state?.fieldErrors.certificateFile ?? state?.fieldErrors.environment ?? state?.fieldErrors.serviceId;
  const notes = state?.notes ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    const text = textInput.current?.value ?? "";
    // No size check here: a certificate is small, and the server stops an oversized file at 64 Kio with its message.
    const body = new FormData();
    body.set("environment", environment);
    if (file) body.set("certificateFile", file);
    if (text !== "") body.set("certificateText", text);
    const label = file?.name ?? "certificat collé";
    void upload.send(`/api/services/${encodeURIComponent(serviceId)}/certificats`, body, { label, fileBytes: file?.size ?? new Blob([text]).size }).then((outcome) => {
      const refused = refusalOf(outcome);
      const answer = refused ? { ...refused, source: file ? ("file" as const) : ("text" as const) } : (outcome as { body: CertificateUploadState }).body;
      setSent(answer);
      if (answer.ok) {
        setRegistered((count) => count + 1);
        router.refresh();
      }
      else if (answer.source === "text") textInput.current?.focus();
      else if (Object.keys(answer.fieldErrors).length > 0) fileInput.current?.focus();
    });
  }

  return (
    <form action={formAction} onSubmit={submit} noValidate className="space-y-6" key={`depot-${registered}-${actionState?.ok ? "fait" : "formulaire"}`}>
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="environment" value={environment} />
      {state?.ok && (
        <Alert variant="success" title="Certificat enregistré" live>
          Le certificat a été vérifié et ajouté au registre.
          {state.report?.verdict === "warning" && " Certains points sont à vérifier : l'instructeur ANS les verra."}
        </Alert>
      )}
      {state?.formError && (
        <Alert variant="error" title="Le certificat n'a pas été enregistré" live>
          {state.formError}
        </Alert>
      )}
      {notes.length > 0 && (
        <Alert variant="info" title="À noter">
          {notes.join(" ")}
        </Alert>
      )}
      <FileField
        ref={fileInput}
        id="certificateFile"
        name="certificateFile"
        label="Fichier du certificat"
        hint="Formats acceptés : .pem, .crt, .cer ou .der, 64 Kio au plus. Ne déposez jamais de clé privée."
        accept=".pem,.crt,.cer,.der"
        error={state?.source === "text" ? undefined : error}
      />
      <TextArea
        ref={textInput}
        id="certificateText"
        name="certificateText"
        label="Ou collez le certificat au format PEM"
        hint="Le texte commence par -----BEGIN CERTIFICATE-----."
        rows={6}
        error={state?.source === "text" ? error : undefined}
        spellCheck={false}
        textareaClassName="font-mono text-sm"
      />
      {state && !state.ok && state.report && <CertificateChecks report={state.report} />}
      {upload.progress ? <UploadProgress {...upload.progress} onCancel={upload.cancel} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Vérification…" : "Vérifier et enregistrer le certificat"}
      </Button>
    </form>
  );
}
