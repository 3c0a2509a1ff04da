"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { TextField } from "@/components/ui/TextField";
import { createAnsAccountSchema } from "@/lib/ans-accounts/ans-account-schema";
import { createAnsAccountAction } from "./actions";

type Values = { name: string; email: string; admin: boolean };

/** Creates a reviewer account; the one-time password is shown here, once. */
export function CreateAccountForm() {
  // The one-time password comes back from the action; the address is the one typed.
  const [created, setCreated] = useState<{ email: string; oneTimePassword: string }>();
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<Values>({
    resolver: zodResolver(createAnsAccountSchema) as unknown as Resolver<Values>,
    defaultValues: { name: "", email: "", admin: false },
  });
  const { formError, pending, submit } = useServerAction<Values>(
    async (values) => {
      setCreated(undefined);
      const result = await createAnsAccountAction(values);
      if (!result.ok) return result;
      if ("oneTimePassword" in result) setCreated({ email: values.email.trim().toLowerCase(), oneTimePassword: result.oneTimePassword });
      reset();
    },
    { form: { setError, setFocus } },
  );
  const onSubmit = handleSubmit(submit);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <div role="status" aria-live="polite">
        {created && (
          <Alert variant="success" title={`Compte créé pour ${created.email}`}>
            <p>
              Mot de passe à usage unique, affiché une seule fois : <code className="font-mono text-lg font-bold" data-testid="mot-de-passe-unique">{created.oneTimePassword}</code>
            </p>
            <p>Transmettez-le à la personne par un autre canal que le courriel ; il ouvre une seule session, où elle choisira son propre mot de passe.</p>
          </Alert>
        )}
      </div>
      {formError && (
        <Alert variant="error" title="Le compte n'a pas été créé" live>
          {formError}
        </Alert>
      )}
      <TextField id="name" label="Nom et prénom" required autoComplete="off" error={formState.errors.name?.message} {...register("name")} />
      <TextField id="email" label="Adresse e-mail" type="email" required autoComplete="off" error={formState.errors.email?.message} {...register("email")} />
      <Checkbox id="admin" label="Administrateur ANS (gère les comptes, les référentiels et le journal)" {...register("admin")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Création…" : "Créer le compte"}
      </Button>
    </form>
  );
}
