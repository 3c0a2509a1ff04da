"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { serviceUrlSchema, type ServiceEnvironmentCode, type ServiceUrlInput } from "@/lib/services/service-url";
import { addServiceUrlAction } from "../actions";
import { useNotify } from "@/components/ui/NoticeArea";

const words: Record<ServiceEnvironmentCode, string> = { TEST: "de test", PRODUCTION: "de production" };

/** Adds one URL to a service for one environment; the refusal shows under the field. */
export function UrlForm({ serviceId, environment }: { serviceId: string; environment: ServiceEnvironmentCode }) {
  const notify = useNotify();
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<ServiceUrlInput>({
    resolver: zodResolver(serviceUrlSchema),
    defaultValues: { environment, url: "" },
  });
  const errors = formState.errors;

  const { formError, pending, submit } = useServerAction((values: ServiceUrlInput) => addServiceUrlAction(serviceId, values), {
    form: { setError, setFocus },
    renameFields: { environment: "url" },
    onSuccess: ({ message }) => {
      reset({ environment, url: "" });
      notify(message);
    },
  });
  const onSubmit = handleSubmit(submit);

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
