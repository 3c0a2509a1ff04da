"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/TextArea";
import { validatePlatinesAction, type ValidationState } from "./actions";

/** Records that ANS validated the latest session of a plan, with an optional note. */
export function ValidatePlatinesForm({ submissionId, planName, satisfied }: { submissionId: string; planName: string; satisfied: boolean }) {
  const [state, formAction, pending] = useActionState<ValidationState | null, FormData>(validatePlatinesAction, null);
  const id = `note-${submissionId}`;
  return (
    <form action={formAction} className="mt-4 space-y-4 border-t border-grey-200 pt-4">
      <input type="hidden" name="submissionId" value={submissionId} />
      {state && !state.ok && state.formError && (
        <Alert variant="error" title="La validation n'a pas été enregistrée" live>
          {state.formError}
        </Alert>
      )}
      {!satisfied && (
        <Alert variant="warning" title="Plan non satisfait">
          Cette session ne satisfait pas le plan selon l&apos;évaluation automatique. Ne la validez qu&apos;en connaissance de cause.
        </Alert>
      )}
      <TextArea id={id} name="note" label={`Note de validation pour « ${planName} » (facultatif)`} hint="2000 caractères au plus." rows={3} error={state && !state.ok ? state.fieldErrors.note : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : `Valider les résultats du plan « ${planName} »`}
      </Button>
    </form>
  );
}
