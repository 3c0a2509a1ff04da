"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { FormNotice } from "@/components/forms/FormNotice";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { siretSchema } from "@/lib/organizations/organization-schema";
import { requestToJoinAction } from "./actions";

type Values = { siret: string };

/** A request to join the organisation of another SIRET, from the page of one's join requests. */
export function JoinRequestForm() {
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<Values>({
    resolver: zodResolver(z.object({ siret: siretSchema })) as unknown as Resolver<Values>,
    defaultValues: { siret: "" },
  });
  const { formError, notice, pending, submit } = useServerAction<Values>((values) => requestToJoinAction(values), {
    form: { setError, setFocus },
    onSuccess: () => reset(),
  });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
      <FormNotice notice={notice} />
      {formError && (
        <Alert variant="error" title="La demande n'a pas été envoyée" live>
          {formError}
        </Alert>
      )}
      <TextField
        id="join-siret"
        label="Numéro SIRET de l'organisation à rejoindre"
        hint="14 chiffres, espaces acceptés."
        inputMode="numeric"
        required
        error={formState.errors.siret?.message}
        {...register("siret")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Demander le rattachement"}
      </Button>
    </form>
  );
}
