"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { acceptCharterSchema, type AcceptCharterInput } from "@/lib/catalogue/charter-schema";
import { acceptCharterAction } from "./actions";

export function AcceptCharterForm({ organizationId, version }: { organizationId: string; version: string }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<AcceptCharterInput>({
    resolver: zodResolver(acceptCharterSchema),
    defaultValues: { organizationId, version, accepted: false },
  });

  const { formError, pending, submit } = useServerAction(acceptCharterAction, { form: { setError, setFocus } });
  const onSubmit = handleSubmit(submit);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {formError && (
        <Alert variant="error" title="La charte n'a pas été acceptée" live>
          {formError}
        </Alert>
      )}
      <Checkbox
        id="accepted"
        label={`J'ai lu et j'accepte la charte d'accès aux données du ROR, version ${version}`}
        hint="Votre acceptation engage votre organisation. Elle est enregistrée avec la date, l'heure et l'adresse IP de votre connexion."
        required
        error={formState.errors.accepted?.message}
        {...register("accepted")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Accepter la charte"}
      </Button>
    </form>
  );
}
