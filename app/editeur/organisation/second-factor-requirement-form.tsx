"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { secondFactorRequirementSchema, type SecondFactorRequirementInput } from "@/lib/organizations/organization-schema";
import { setSecondFactorRequirementAction } from "./actions";

export function SecondFactorRequirementForm({ organizationId, required }: { organizationId: string; required: boolean }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<SecondFactorRequirementInput>({
    resolver: zodResolver(secondFactorRequirementSchema),
    defaultValues: { requireSecondFactor: required },
  });
  const { formError, notice, pending, submit } = useServerAction((values: SecondFactorRequirementInput) => setSecondFactorRequirementAction(organizationId, values), {
    form: { setError, setFocus },
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-6">
      <div role="status" aria-live="polite" className="empty:hidden">
        {notice ? <Alert variant="success">{notice}</Alert> : null}
      </div>
      {formError && (
        <Alert variant="error" title="Le réglage n'a pas été enregistré" live>
          {formError}
        </Alert>
      )}
      <Checkbox
        id="requireSecondFactor"
        label="Exiger un second facteur de chaque membre"
        hint="Un membre qui n'a pas de second facteur devra l'activer avant toute autre action sur le portail, et ne pourra plus retirer le dernier."
        error={formState.errors.requireSecondFactor?.message}
        {...register("requireSecondFactor")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer le réglage"}
      </Button>
    </form>
  );
}
