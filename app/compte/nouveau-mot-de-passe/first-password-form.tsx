"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { NewPasswordFields } from "@/components/forms/NewPasswordFields";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { newPasswordSchema } from "@/lib/accounts/password-rules";
import { setFirstPasswordAction } from "./actions";

type Values = { password: string; passwordConfirmation: string };

export function FirstPasswordForm({ email, name }: { email: string; name: string }) {
  const { register, handleSubmit, setError, setFocus, formState, control } = useForm<Values>({
    resolver: zodResolver(newPasswordSchema),
    defaultValues: { password: "", passwordConfirmation: "" },
  });
  const [typedPassword] = useWatch({ control, name: ["password"] });
  const { formError, pending, submit } = useServerAction<Values>(setFirstPasswordAction, { form: { setError, setFocus } });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-6">
      {formError && (
        <Alert variant="error" title="Le mot de passe n'a pas été enregistré" live>
          {formError}
        </Alert>
      )}
      <input type="text" hidden name="username" autoComplete="username" value={email} readOnly />
      <NewPasswordFields
        label="Nouveau mot de passe"
        password={register("password")}
        confirmation={register("passwordConfirmation")}
        errors={{ password: formState.errors.password?.message, passwordConfirmation: formState.errors.passwordConfirmation?.message }}
        value={typedPassword}
        userInputs={[name, email]}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer mon mot de passe"}
      </Button>
    </form>
  );
}
