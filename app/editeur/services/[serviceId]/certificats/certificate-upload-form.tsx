"use client";

import { useActionState } from "react";
import { CertificateChecks } from "@/components/certificates/CertificateChecks";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FileField } from "@/components/ui/FileField";
import { TextArea } from "@/components/ui/TextArea";
import { uploadCertificateAction, type CertificateUploadState } from "./actions";

export function CertificateUploadForm({ serviceId, environment }: { serviceId: string; environment: "TEST" | "PRODUCTION" }) {
  const [state, formAction, pending] = useActionState<CertificateUploadState | null, FormData>(uploadCertificateAction, null);
  const error = state?.fieldErrors.certificate ?? state?.fieldErrors.environment ?? state?.fieldErrors.serviceId;
  return (
    <form action={formAction} noValidate className="space-y-6" key={state?.ok ? "done" : "form"}>
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
      {state && state.notes.length > 0 && (
        <Alert variant="info" title="À noter">
          {state.notes.join(" ")}
        </Alert>
      )}
      <FileField
        id="certificateFile"
        name="certificateFile"
        label="Fichier du certificat"
        hint="Formats acceptés : .pem, .crt, .cer ou .der, 64 Kio au plus. Ne déposez jamais de clé privée."
        accept=".pem,.crt,.cer,.der"
        error={state?.source === "text" ? undefined : error}
      />
      <TextArea
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
      <Button type="submit" disabled={pending}>
        {pending ? "Vérification…" : "Vérifier et enregistrer le certificat"}
      </Button>
    </form>
  );
}
