"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { newPasswordSchema } from "@/lib/accounts/password-rules";
import type { ActionResult } from "@/lib/form-result";
import { NewPasswordFields } from "./NewPasswordFields";
import { useServerAction } from "./use-server-action";

export type NewPasswordValues = { password: string; passwordConfirmation: string };

/** A new password and its confirmation, for an account whose address is known (first password, recovery). */
export function SetPasswordForm(props: {
  action: (values: NewPasswordValues) => Promise<ActionResult>;
  email: string;
  /** What the strength check must not let the password resemble (the person's name, address). */
  userInputs: string[];
  refusedTitle: string;
  submitLabel: string;
}) {
  const { register, handleSubmit, setError, setFocus, formState, control } = useForm<NewPasswordValues>({
    resolver: zodResolver(newPasswordSchema),
    defaultValues: { password: "", passwordConfirmation: "" },
  });
  const [typedPassword] = useWatch({ control, name: ["password"] });
  const { formError, pending, submit } = useServerAction(props.action, { form: { setError, setFocus } });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-6">
      {formError && (
        <Alert variant="error" title={props.refusedTitle} live>
          {formError}
        </Alert>
      )}
      <input type="text" hidden name="username" autoComplete="username" value={props.email} readOnly />
      <NewPasswordFields
        label="Nouveau mot de passe"
        password={register("password")}
        confirmation={register("passwordConfirmation")}
        errors={{ password: formState.errors.password?.message, passwordConfirmation: formState.errors.passwordConfirmation?.message }}
        value={typedPassword}
        userInputs={props.userInputs}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : props.submitLabel}
      </Button>
    </form>
  );
}
