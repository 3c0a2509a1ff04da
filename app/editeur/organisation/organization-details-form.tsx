"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { useForm, useWatch } from "react-hook-form";
import { useRegisterPrefill } from "@/components/organizations/use-register-prefill";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import { organizationDetailsSchema, type OrganizationDetailsInput } from "@/lib/organizations/organization-schema";
import { lookUpSiretAction, updateOrganizationAction } from "./actions";

export function OrganizationDetailsForm({ organizationId, defaults }: { organizationId: string; defaults: OrganizationDetailsInput }) {
  const { register, handleSubmit, setError, setFocus, reset, getValues, setValue, getFieldState, clearErrors, control, formState } = useForm<OrganizationDetailsInput>({
    resolver: zodResolver(organizationDetailsSchema),
    defaultValues: defaults,
  });
  const errors = formState.errors;
  const typedSiret = useWatch({ control, name: "siret" });
  // Only a SIRET other than the saved one is looked up; the register's data replaces only fields not edited here.
  useRegisterPrefill(typedSiret === defaults.siret ? "" : typedSiret, lookUpSiretAction, {
    prefill: (field, value) => {
      if (!getFieldState(field).isDirty) setValue(field, value, { shouldValidate: true, shouldDirty: true });
    },
    showSiretProblem: (message) => setError("siret", { message }),
    clearSiretProblem: () => clearErrors("siret"),
  });

  const {
    formError,
    notice: saved,
    pending,
    submit,
  } = useServerAction((values: OrganizationDetailsInput) => updateOrganizationAction(organizationId, values), {
    form: { setError, setFocus },
    onSuccess: (answer) => {
      if ("version" in answer) reset({ ...getValues(), version: answer.version });
    },
  });
  const onSubmit = handleSubmit(submit);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div role="status" aria-live="polite" className="empty:hidden">
        {saved ? <Alert variant="success">{saved}</Alert> : null}
      </div>
      {formError && (
        <Alert variant="error" title="Les modifications n'ont pas été enregistrées" live>
          {formError}
        </Alert>
      )}
      <input type="hidden" {...register("version")} />
      <TextField id="legalName" label="Raison sociale" autoComplete="organization" required error={errors.legalName?.message} {...register("legalName")} />
      <TextField
        id="siret"
        label="Numéro SIRET"
        hint="14 chiffres, espaces acceptés. Exemple : 732 829 320 00074"
        inputMode="numeric"
        required
        error={errors.siret?.message}
        {...register("siret")}
      />
      <TextArea
        id="address"
        label="Adresse postale"
        hint="Numéro, voie, code postal et commune."
        autoComplete="street-address"
        rows={3}
        required
        error={errors.address?.message}
        {...register("address")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer les modifications"}
      </Button>
    </form>
  );
}
