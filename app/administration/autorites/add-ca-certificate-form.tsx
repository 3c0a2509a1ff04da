"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { useForm } from "react-hook-form";
import { useUpload } from "@/components/forms/use-upload";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import { UploadProgress } from "@/components/ui/UploadProgress";
import {
  CA_BUNDLE_ENVIRONMENT_NAMES,
  CA_BUNDLE_ERRORS,
  CA_UPLOAD_MAX_BYTES,
  type CaBundleEnvironment,
} from "@/lib/certificates/ca-bundle-messages";
import { refusalOf } from "@/lib/uploads/upload-answer";
import { addCaCertificateAction } from "./actions";

type Values = { file: FileList | undefined; pem: string };

const SUBMIT_LABELS: Record<CaBundleEnvironment, string> = {
  TEST: "Ajouter à l'environnement de test",
  PRODUCTION: "Ajouter à l'environnement de production",
};

/**
 * Adds one CA certificate to one environment's bundle: a file, or PEM text pasted. With JavaScript it goes to
 * POST /api/administration/autorites with a progress bar (ADR 0026); without it, the form posts to the server action.
 */
export function AddCaCertificateForm({ environment }: { environment: CaBundleEnvironment }) {
  const prefix = environment.toLowerCase();
  const router = useRouter();
  const [actionState, formAction, actionPending] = useActionState(addCaCertificateAction, null);
  const upload = useUpload();
  const [formError, setFormError] = useState<string>();
  const pending = actionPending || upload.busy;
  const { register, handleSubmit, setError, setFocus, clearErrors, formState } = useForm<Values>({
    defaultValues: { file: undefined, pem: "" },
  });
  const errors = formState.errors;
  // The answer of a post without JavaScript.
  const posted = actionState && !actionState.ok ? actionState : null;

  function fail(field: keyof Values, message: string) {
    setError(field, { message });
    setFocus(field);
  }

  const onSubmit = handleSubmit((values) => {
    setFormError(undefined);
    clearErrors();
    const file = values.file?.[0];
    const pem = values.pem.trim() === "" ? null : values.pem;
    // The same checks as the server, before sending anything.
    if (file && pem) return fail("pem", CA_BUNDLE_ERRORS.both);
    if (!file && !pem) return fail("file", CA_BUNDLE_ERRORS.missing);
    if (file && file.size > CA_UPLOAD_MAX_BYTES) return fail("file", CA_BUNDLE_ERRORS.tooLarge);

    const formData = new FormData();
    formData.set("environment", environment);
    if (file) formData.set("file", file);
    if (pem) formData.set("pem", pem);
    const label = file?.name ?? "certificat collé";
    void upload.send("/api/administration/autorites", formData, { label, fileBytes: file?.size ?? new Blob([pem ?? ""]).size }).then((outcome) => {
      const result = refusalOf(outcome);
      if (!result) {
        const redirectTo = (outcome as { body: { redirectTo?: unknown } }).body.redirectTo;
        router.push(typeof redirectTo === "string" && redirectTo.startsWith("/administration/autorites") ? redirectTo : "/administration/autorites");
        return;
      }
      const { file: fileError, pem: pemError, ...others } = result.fieldErrors;
      setFormError(result.formError ?? Object.values(others)[0]);
      if (pemError) setError("pem", { message: pemError });
      if (fileError) setError("file", { message: fileError });
      if (fileError) setFocus("file");
      else if (pemError) setFocus("pem");
    });
  });

  const shownError = formError ?? posted?.formError ?? (posted ? Object.entries(posted.fieldErrors).find(([key]) => key !== "file" && key !== "pem")?.[1] : undefined);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 max-w-3xl space-y-6">
      <input type="hidden" name="environment" value={environment} />
      {shownError && (
        <Alert variant="error" title="L'autorité n'a pas été ajoutée" live>
          {shownError}
        </Alert>
      )}
      <TextField
        id={`${prefix}-file`}
        type="file"
        label="Fichier du certificat de l'autorité"
        hint="Format PEM ou DER : .pem, .crt, .cer ou .der, 64 Kio au plus."
        accept=".pem,.crt,.cer,.der"
        error={errors.file?.message ?? posted?.fieldErrors.file}
        {...register("file")}
      />
      <TextArea
        id={`${prefix}-pem`}
        label="Ou certificat collé au format PEM"
        hint="Le texte entier, de « -----BEGIN CERTIFICATE----- » à « -----END CERTIFICATE----- »."
        rows={6}
        spellCheck={false}
        textareaClassName="font-mono text-sm"
        error={errors.pem?.message ?? posted?.fieldErrors.pem}
        {...register("pem")}
      />
      {upload.progress ? <UploadProgress {...upload.progress} onCancel={upload.cancel} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Ajout en cours…" : SUBMIT_LABELS[environment]}
      </Button>
      <p className="text-sm text-grey-800">
        L&apos;autorité sera reconnue dès son ajout pour vérifier les certificats clients de {CA_BUNDLE_ENVIRONMENT_NAMES[environment]}.
      </p>
    </form>
  );
}
