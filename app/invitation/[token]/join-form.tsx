"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { joinWithNewAccountSchema, type JoinWithNewAccountInput } from "@/lib/organizations/organization-schema";
import { joinWithNewAccountAction } from "./actions";
import { NewPasswordFields } from "@/components/forms/NewPasswordFields";

export function JoinForm({ token, email }: { token: string; email: string }) {
  const { register, handleSubmit, setError, setFocus, formState, control } = useForm<JoinWithNewAccountInput>({
    resolver: zodResolver(joinWithNewAccountSchema),
    defaultValues: { name: "", password: "", passwordConfirmation: "" },
  });
  const [typedPassword, typedName] = useWatch({ control, name: ["password", "name"] });
  const errors = formState.errors;

  const { formError, pending, submit } = useServerAction<JoinWithNewAccountInput>(
    (values) => joinWithNewAccountAction(token, values),
    { form: { setError, setFocus } },
  );
  const onSubmit = handleSubmit(submit);

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
        value={typedPassword}
        userInputs={[typedName, email]}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Création du compte…" : "Créer mon compte et rejoindre l'organisation"}
      </Button>
    </form>
  );
}
