"use client";

import { useForm } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { linkProConnectAction } from "./actions";

type LinkInput = { password: string };

/** The password of the account that has the address ProConnect sent: it links the two (ADR 0044). */
export function LinkProConnectForm() {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<LinkInput>({ defaultValues: { password: "" } });
  const { formError, pending, submit } = useServerAction<LinkInput>(linkProConnectAction, { form: { setError, setFocus } });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-6">
      {formError && (
        <Alert variant="error" title="Le compte n'a pas été lié" live>
          {formError}
        </Alert>
      )}
      <TextField
        id="password"
        label="Mot de passe de votre compte"
        type="password"
        autoComplete="current-password"
        required
        error={formState.errors.password?.message}
        {...register("password", { required: "Saisissez le mot de passe de votre compte." })}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Liaison…" : "Lier mon compte et me connecter"}
      </Button>
    </form>
  );
}
