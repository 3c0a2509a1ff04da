"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Fieldset } from "@/components/ui/Fieldset";
import { TextField } from "@/components/ui/TextField";
import { API_TOKEN_SCOPE_LABELS, API_TOKEN_SCOPES, apiTokenCreationSchema } from "@/lib/whitelist/api-token";
import { createApiTokenAction, revokeApiTokenAction, type CreatedToken } from "./actions";

type Values = { name: string; scopes: string[] };

export function CreateTokenForm() {
  const [created, setCreated] = useState<CreatedToken>();
  const shown = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<Values>({
    resolver: zodResolver(apiTokenCreationSchema) as unknown as Resolver<Values>,
    defaultValues: { name: "", scopes: ["whitelist"] },
  });
  useEffect(() => {
    if (created) shown.current?.focus();
  }, [created]);
  const { formError, pending, submit } = useServerAction(createApiTokenAction, {
    form: { setError, setFocus },
    onSuccess: (answer) => {
      if (!("token" in answer)) return;
      setCreated(answer);
      reset();
    },
  });
  return (
    <div className="space-y-6">
      {created ? (
        <div ref={shown} tabIndex={-1}>
          <Alert variant="success" title={`Jeton « ${created.name} » créé`} live>
            <p>Copiez-le maintenant : il ne sera plus jamais affiché. Seule son empreinte est conservée.</p>
            <TextField id="created-token" name="created-token" label="Jeton d'API" readOnly value={created.token} inputClassName="font-mono" onFocus={(e) => e.currentTarget.select()} />
          </Alert>
        </div>
      ) : null}
      <form onSubmit={handleSubmit(submit)} noValidate className="max-w-xl space-y-4">
        {formError && (
          <Alert variant="error" title="Le jeton n'a pas été créé" live>
            {formError}
          </Alert>
        )}
        <TextField id="token-name" label="Nom du jeton" hint="Pour le reconnaître, par exemple « Passerelle de production ». 3 à 80 caractères." required error={formState.errors.name?.message} {...register("name")} />
        <Fieldset id="token-scopes" legend="Droits du jeton" hint="La passerelle de synchronisation a besoin du droit « Passerelle »." required error={formState.errors.scopes?.message ?? formState.errors.scopes?.root?.message}>
          <div className="space-y-2">
            {API_TOKEN_SCOPES.map((scope) => (
              <Checkbox key={scope} id={`token-scope-${scope}`} label={API_TOKEN_SCOPE_LABELS[scope]} value={scope} {...register("scopes")} />
            ))}
          </div>
        </Fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Création…" : "Créer le jeton"}
        </Button>
      </form>
    </div>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const { formError: error, pending, submit } = useServerAction(revokeApiTokenAction);
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        Révoquer<span className="sr-only"> le jeton {name}</span>
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Confirmer la révocation du jeton ${name}`} className="space-y-2 border-l-4 border-warning bg-warning-light p-3">
      <p className="text-sm font-medium">Révoquer « {name} » ? Les appels faits avec ce jeton seront refusés aussitôt.</p>
      {error ? (
        <p role="alert" className="text-sm font-medium text-error">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button
          type="button"
          size="sm"
          disabled={pending}
          onClick={() => submit(id)}
        >
          Confirmer la révocation
        </Button>
        <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={() => setConfirming(false)}>
          Annuler
        </Button>
      </div>
    </div>
  );
}
