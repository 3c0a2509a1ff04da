"use client";

import { useForm } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/TextArea";
import { validatePlatinesAction } from "./actions";

type Values = { note: string };

/** Records that ANS validated the latest session of a plan, with an optional note. */
export function ValidatePlatinesForm({ submissionId, planName, satisfied }: { submissionId: string; planName: string; satisfied: boolean }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({ defaultValues: { note: "" } });
  const { formError, pending, submit } = useServerAction<Values>((values) => validatePlatinesAction(submissionId, values), { form: { setError, setFocus } });
  const id = `note-${submissionId}`;
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-4 space-y-4 border-t border-grey-200 pt-4">
      {formError && (
        <Alert variant="error" title="La validation n'a pas été enregistrée" live>
          {formError}
        </Alert>
      )}
      {!satisfied && (
        <Alert variant="warning" title="Plan non satisfait">
          Cette session ne satisfait pas le plan selon l&apos;évaluation automatique. Ne la validez qu&apos;en connaissance de cause.
        </Alert>
      )}
      <TextArea
        id={id}
        label={`Note de validation pour « ${planName} » (facultatif)`}
        hint="2000 caractères au plus."
        rows={3}
        error={formState.errors.note?.message}
        {...register("note", { maxLength: { value: 2000, message: "La note ne peut pas dépasser 2000 caractères." } })}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : `Valider les résultats du plan « ${planName} »`}
      </Button>
    </form>
  );
}
