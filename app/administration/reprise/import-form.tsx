"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useUpload } from "@/components/forms/use-upload";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { UploadProgress } from "@/components/ui/UploadProgress";
import { refusalOf } from "@/lib/uploads/upload-answer";

type Values = { file: FileList | undefined };
const MAX_BYTES = 5 * 1024 * 1024;

/** Sends the CSV to POST /api/administration/reprise with a progress bar (ADR 0026), then shows the report. */
export function ImportForm() {
  const router = useRouter();
  const upload = useUpload();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, setFocus, clearErrors, formState } = useForm<Values>({ defaultValues: { file: undefined } });
  const onSubmit = handleSubmit((values) => {
    setFormError(undefined);
    clearErrors();
    const file = values.file?.[0];
    if (!file) {
      setError("file", { message: "Choisissez le fichier CSV de la liste blanche actuelle." });
      setFocus("file");
      return;
    }
    if (file.size > MAX_BYTES) {
      setError("file", { message: "Le fichier dépasse 5 Mio." });
      setFocus("file");
      return;
    }
    const formData = new FormData();
    formData.set("file", file);
    void upload.send("/api/administration/reprise", formData, { label: file.name, fileBytes: file.size }).then((outcome) => {
      const refusal = refusalOf(outcome);
      if (!refusal) {
        const redirectTo = (outcome as { body: { redirectTo?: unknown } }).body.redirectTo;
        router.push(typeof redirectTo === "string" && redirectTo.startsWith("/administration/reprise/") ? redirectTo : "/administration/reprise");
        return;
      }
      if (refusal.fieldErrors.file) {
        setError("file", { message: refusal.fieldErrors.file });
        setFocus("file");
      } else setFormError(refusal.formError);
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 max-w-3xl space-y-6">
      {formError ? (
        <Alert variant="error" title="Le fichier n'a pas été importé" live>
          {formError}
        </Alert>
      ) : null}
      <TextField
        id="import-file"
        type="file"
        label="Fichier CSV de la liste blanche actuelle"
        hint="UTF-8, séparateur virgule ou point-virgule, 5 Mio au plus, avec la ligne d'en-tête décrite ci-dessus."
        accept=".csv,text/csv"
        required
        error={formState.errors.file?.message}
        {...register("file")}
      />
      {upload.progress ? <UploadProgress {...upload.progress} onCancel={upload.cancel} /> : null}
      <Button type="submit" disabled={upload.busy}>
        {upload.busy ? "Import en cours…" : "Importer la liste blanche"}
      </Button>
    </form>
  );
}
