"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { FormNotice } from "@/components/forms/FormNotice";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { recoveryRequestSchema } from "@/lib/accounts/account-schema";
import { requestPasswordResetAction } from "./actions";

type Values = { email: string };

export function RecoveryForm() {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver: zodResolver(recoveryRequestSchema) as unknown as Resolver<Values>,
    defaultValues: { email: "" },
  });
  const { formError, notice, pending, submit } = useServerAction<Values>(requestPasswordResetAction, { form: { setError, setFocus } });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-6">
      <FormNotice notice={notice} />
      {formError && (
        <Alert variant="error" title="La demande n'a pas été envoyée" live>
          {formError}
        </Alert>
      )}
      <TextField id="email" label="Adresse e-mail" hint="Celle qui vous sert à vous connecter." type="email" autoComplete="email" required error={formState.errors.email?.message} {...register("email")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Recevoir un lien de réinitialisation"}
      </Button>
    </form>
  );
}
