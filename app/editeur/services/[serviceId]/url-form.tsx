"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { serviceUrlSchema, type ServiceEnvironmentCode, type ServiceUrlInput } from "@/lib/services/service-url";
import { addServiceUrlAction } from "../actions";
import { useNotify } from "@/components/ui/NoticeArea";

const words: Record<ServiceEnvironmentCode, string> = { TEST: "de test", PRODUCTION: "de production" };

/** Adds one URL to a service for one environment; the refusal shows under the field. */
export function UrlForm({ serviceId, environment }: { serviceId: string; environment: ServiceEnvironmentCode }) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const notify = useNotify();
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<ServiceUrlInput>({
    resolver: zodResolver(serviceUrlSchema),
    defaultValues: { environment, url: "" },
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      const result = await addServiceUrlAction(serviceId, values);
      if (result.ok) {
        reset({ environment, url: "" });
        notify(result.message);
        return;
      }
      setFormError(result.formError);
      const fields = Object.entries(result.fieldErrors);
      for (const [field, message] of fields) setError(field === "environment" ? "url" : (field as keyof ServiceUrlInput), { message });
      setFocus("url");
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && (
        <Alert variant="error" title="L'URL n'a pas été ajoutée" live>
          {formError}
        </Alert>
      )}
      <input type="hidden" {...register("environment")} />
      <TextField
        id={`url-${environment}`}
        label={`URL ${words[environment]}`}
        hint="Adresse complète en https://, sans identifiant, paramètres ni fragment. Exemple : https://service.exemple.fr/ror"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        error={errors.url?.message}
        {...register("url")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Ajout…" : `Ajouter l'URL ${words[environment]}`}
      </Button>
    </form>
  );
}
