"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import type { FormResult } from "@/lib/form-result";

const schema = z.object({ code: z.string().trim().min(1, "Saisissez le code.").max(32, "Ce code est trop long.") });
type Values = z.infer<typeof schema>;

/** One field for a one-time code (or a recovery code) and its button. */
export function CodeForm({
  id,
  action,
  submitLabel,
  refusedTitle,
  allowRecoveryCode = true,
  onSuccess,
}: {
  id: string;
  action: (values: Values) => Promise<FormResult | { ok: true } | undefined | void>;
  submitLabel: string;
  refusedTitle: string;
  allowRecoveryCode?: boolean;
  onSuccess?: () => void;
}) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({ resolver: zodResolver(schema) as unknown as Resolver<Values>, defaultValues: { code: "" } });
  const { formError, pending, submit } = useServerAction<Values, { ok: true }>(action, { form: { setError, setFocus }, onSuccess });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-md space-y-4">
      {formError ? (
        <Alert variant="error" title={refusedTitle} live>
          {formError}
        </Alert>
      ) : null}
      <TextField
        id={id}
        label="Code de vérification"
        hint={allowRecoveryCode ? "Les 6 chiffres affichés par votre application d'authentification, ou un code de secours (XXXXX-XXXXX)." : "Les 6 chiffres affichés par votre application d'authentification."}
        autoComplete="one-time-code"
        inputMode={allowRecoveryCode ? "text" : "numeric"}
        spellCheck={false}
        required
        error={formState.errors.code?.message}
        {...register("code")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Vérification…" : submitLabel}
      </Button>
    </form>
  );
}
