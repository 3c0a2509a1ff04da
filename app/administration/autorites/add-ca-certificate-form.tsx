"use client";

import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import {
  CA_BUNDLE_ENVIRONMENT_NAMES,
  CA_BUNDLE_ERRORS,
  CA_UPLOAD_MAX_BYTES,
  type CaBundleEnvironment,
} from "@/lib/certificates/ca-bundle-messages";
import { addCaCertificateAction } from "./actions";

type Values = { file: FileList | undefined; pem: string };

const SUBMIT_LABELS: Record<CaBundleEnvironment, string> = {
  TEST: "Ajouter à l'environnement de test",
  PRODUCTION: "Ajouter à l'environnement de production",
};

/** Adds one CA certificate to one environment's bundle: a file, or PEM text pasted. */
export function AddCaCertificateForm({ environment }: { environment: CaBundleEnvironment }) {
  const prefix = environment.toLowerCase();
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, setFocus, clearErrors, formState } = useForm<Values>({
    defaultValues: { file: undefined, pem: "" },
  });
  const errors = formState.errors;

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
    startTransition(async () => {
      const result = await addCaCertificateAction(formData);
      if (!result) return;
      const { file: fileError, pem: pemError, ...others } = result.fieldErrors;
      setFormError(result.formError ?? Object.values(others)[0]);
      if (pemError) setError("pem", { message: pemError });
      if (fileError) setError("file", { message: fileError });
      if (fileError) setFocus("file");
      else if (pemError) setFocus("pem");
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 max-w-3xl space-y-6">
      {formError && (
        <Alert variant="error" title="L'autorité n'a pas été ajoutée" live>
          {formError}
        </Alert>
      )}
      <TextField
        id={`${prefix}-file`}
        type="file"
        label="Fichier du certificat de l'autorité"
        hint="Format PEM ou DER : .pem, .crt, .cer ou .der, 64 Kio au plus."
        accept=".pem,.crt,.cer,.der"
        error={errors.file?.message}
        {...register("file")}
      />
      <TextArea
        id={`${prefix}-pem`}
        label="Ou certificat collé au format PEM"
        hint="Le texte entier, de « -----BEGIN CERTIFICATE----- » à « -----END CERTIFICATE----- »."
        rows={6}
        spellCheck={false}
        textareaClassName="font-mono text-sm"
        error={errors.pem?.message}
        {...register("pem")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Ajout en cours…" : SUBMIT_LABELS[environment]}
      </Button>
      <p className="text-sm text-grey-800">
        L&apos;autorité sera reconnue dès son ajout pour vérifier les certificats clients de {CA_BUNDLE_ENVIRONMENT_NAMES[environment]}.
      </p>
    </form>
  );
}
