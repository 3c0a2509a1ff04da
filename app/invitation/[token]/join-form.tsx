"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { joinWithNewAccountSchema, type JoinWithNewAccountInput } from "@/lib/organizations/organization-schema";
import { joinWithNewAccountAction } from "./actions";
import { NewPasswordFields } from "@/components/forms/NewPasswordFields";

export function JoinForm({ token, email }: { token: string; email: string }) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, setFocus, formState } = useForm<JoinWithNewAccountInput>({
    resolver: zodResolver(joinWithNewAccountSchema),
    defaultValues: { name: "", password: "", passwordConfirmation: "" },
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      const result = await joinWithNewAccountAction(token, values);
      if (!result) return;
      setFormError(result.formError);
      showFieldErrors(result.fieldErrors, { setError, setFocus });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {formError && (
        <Alert variant="error" title="Vous n'avez pas rejoint l'organisation" live>
          {formError}
        </Alert>
      )}
      {/* The identifier is the invited address: shown, not editable, and offered to password managers. */}
      <input type="text" hidden name="username" autoComplete="username" value={email} readOnly />
      <TextField id="name" label="Nom et prénom" autoComplete="name" required error={errors.name?.message} {...register("name")} />
      <NewPasswordFields
        password={register("password")}
        confirmation={register("passwordConfirmation")}
        errors={{ password: errors.password?.message, passwordConfirmation: errors.passwordConfirmation?.message }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Création du compte…" : "Créer mon compte et rejoindre l'organisation"}
      </Button>
    </form>
  );
}
