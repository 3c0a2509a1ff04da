"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { useForm } from "react-hook-form";
import { useUpload } from "@/components/forms/use-upload";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Select } from "@/components/ui/Select";
import { TextField } from "@/components/ui/TextField";
import { UploadProgress } from "@/components/ui/UploadProgress";
import { EVIDENCE_KIND_LABELS, EVIDENCE_MESSAGES, MAX_EVIDENCE_PDF_BYTES } from "@/lib/organizations/evidence-rules";
import { refusalOf } from "@/lib/uploads/upload-answer";
import { uploadEvidenceAction } from "./actions";

type Values = { kind: string; documentDate: string; document: FileList | undefined };

/**
 * One PDF for ANS's verification: a register extract or a delegation of authority, with its date. With JavaScript it
 * goes to POST /api/organisations/<id>/justificatifs with a progress bar (ADR 0026); without, to the server action.
 */
export function EvidenceUploadForm({ organizationId }: { organizationId: string }) {
  const router = useRouter();
  const [actionState, formAction, actionPending] = useActionState(uploadEvidenceAction.bind(null, organizationId), null);
  const upload = useUpload();
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const pending = actionPending || upload.busy;
  const { register, handleSubmit, setError, setFocus, clearErrors, reset, formState } = useForm<Values>({
    defaultValues: { kind: "REGISTER_EXTRACT", documentDate: "", document: undefined },
  });
  const errors = formState.errors;
  const posted = actionState && !actionState.ok ? actionState : null;
  const postedNotice = actionState?.ok ? actionState.message : undefined;

  const onSubmit = handleSubmit((values) => {
    setFormError(undefined);
    setNotice(undefined);
    clearErrors();
    const file = values.document?.[0];
    if (values.documentDate === "") {
      setError("documentDate", { message: EVIDENCE_MESSAGES.date });
      return setFocus("documentDate");
    }
    if (!file) {
      setError("document", { message: EVIDENCE_MESSAGES.missing });
      return setFocus("document");
    }
    if (file.size > MAX_EVIDENCE_PDF_BYTES) {
      setError("document", { message: EVIDENCE_MESSAGES.tooLarge(file.name) });
      return setFocus("document");
    }
    const formData = new FormData();
    formData.set("kind", values.kind);
    formData.set("documentDate", values.documentDate);
    formData.set("document", file);
    void upload.send(`/api/organisations/${organizationId}/justificatifs`, formData, { label: file.name, fileBytes: file.size }).then((outcome) => {
      const result = refusalOf(outcome);
      if (!result) {
        reset();
        setNotice("Justificatif déposé : l'ANS le vérifiera.");
        router.refresh();
        return;
      }
      setFormError(result.formError);
      for (const field of ["kind", "documentDate", "document"] as const) {
        const message = result.fieldErrors[field];
        if (message) setError(field, { message });
      }
      const first = (["kind", "documentDate", "document"] as const).find((f) => result.fieldErrors[f]);
      if (first) setFocus(first);
    });
  });

  const shownNotice = notice ?? postedNotice;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate encType="multipart/form-data" className="mt-4 max-w-2xl space-y-6">
      {(formError ?? posted?.formError) && (
        <Alert variant="error" title="Le justificatif n'a pas été déposé" live>
          {formError ?? posted?.formError}
        </Alert>
      )}
      {shownNotice && (
        <p role="status" className="border-l-4 border-success bg-success-light p-3">
          {shownNotice}
        </p>
      )}
      <Select id="evidence-kind" label="Type de document" error={errors.kind?.message ?? posted?.fieldErrors.kind} {...register("kind")}>
        {(Object.keys(EVIDENCE_KIND_LABELS) as (keyof typeof EVIDENCE_KIND_LABELS)[]).map((kind) => (
          <option key={kind} value={kind}>
            {EVIDENCE_KIND_LABELS[kind]}
          </option>
        ))}
      </Select>
      <TextField
        id="evidence-date"
        type="date"
        label="Date du document"
        hint="La date d'édition de l'extrait : il doit avoir moins de trois mois."
        error={errors.documentDate?.message ?? posted?.fieldErrors.documentDate}
        {...register("documentDate")}
      />
      <TextField
        id="evidence-document"
        type="file"
        label="Document (PDF)"
        hint="Un PDF de 10 Mio au plus."
        accept="application/pdf,.pdf"
        error={errors.document?.message ?? posted?.fieldErrors.document}
        {...register("document")}
      />
      {upload.progress ? <UploadProgress {...upload.progress} onCancel={upload.cancel} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Dépôt en cours…" : "Déposer le justificatif"}
      </Button>
    </form>
  );
}
