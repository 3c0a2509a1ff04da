"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Select } from "@/components/ui/Select";
import { TextField } from "@/components/ui/TextField";
import { ROR_API_KIND_LABELS, ROR_API_KINDS, rorApiInput, type RorApiKind } from "@/lib/catalogue/ror-api-schema";
import { QUOTA_MAX, QUOTA_MIN } from "@/lib/vocabulary";
import { createRorApiAction, retireRorApiAction, updateRorApiAction } from "./actions";

export type RorApiFormValues = { name: string; pathPrefix: string; kind: RorApiKind | ""; level1PerSecond: string; lastUpdatedAt?: string };

type Props = { mode: "create"; defaultValues: RorApiFormValues } | { mode: "edit"; id: string; defaultValues: RorApiFormValues };

/** Adds an API to the gateway's catalogue, or edits one. The server checks again, overlap included. */
export function RorApiForm(props: Props) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<RorApiFormValues>({
    resolver: zodResolver(rorApiInput.loose()) as unknown as Resolver<RorApiFormValues>,
    defaultValues: props.defaultValues,
  });
  const errors = formState.errors;
  const { formError, pending, submit } = useServerAction(
    (values: RorApiFormValues) => (props.mode === "edit" ? updateRorApiAction(props.id, values) : createRorApiAction(values)),
    { form: { setError, setFocus } },
  );
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-3xl space-y-6">
      {formError && (
        <Alert variant="error" title="L'API n'a pas été enregistrée" live>
          {formError}
        </Alert>
      )}
      {props.mode === "edit" ? <input type="hidden" {...register("lastUpdatedAt")} /> : null}
      <TextField id="name" label="Nom de l'API" hint="100 caractères au plus, par exemple « API FHIR du ROR »." required error={errors.name?.message} {...register("name")} />
      <TextField
        id="pathPrefix"
        label="Préfixe de chemin à la passerelle"
        hint="Par exemple /fhir/ : commence et finit par /, sans recouvrir le préfixe d'une autre API."
        required
        spellCheck={false}
        autoCapitalize="off"
        error={errors.pathPrefix?.message}
        {...register("pathPrefix")}
      />
      <Select id="kind" label="Type de données" hint="Le quota de niveau 2 appliqué à chaque service dépend de ce type." required error={errors.kind?.message} {...register("kind")}>
        <option value="">Choisissez…</option>
        {ROR_API_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {ROR_API_KIND_LABELS[kind]}
          </option>
        ))}
      </Select>
      <TextField
        id="level1PerSecond"
        label="Quota de niveau 1 : appels par seconde sur cette API, tous appelants confondus"
        hint={`Nombre entier de ${QUOTA_MIN} à ${QUOTA_MAX} (la charte prévoit 100).`}
        inputMode="numeric"
        required
        error={errors.level1PerSecond?.message}
        {...register("level1PerSecond")}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : props.mode === "create" ? "Ajouter l'API" : "Enregistrer les modifications"}
        </Button>
        <ButtonLink href="/administration/api" variant="secondary">
          Annuler
        </ButtonLink>
      </div>
    </form>
  );
}

export function RetireRorApiButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const { formError, pending, submit } = useServerAction(retireRorApiAction);
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Retirer cette API de la passerelle
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Confirmer le retrait de l'API ${name}`} className="space-y-2 border-l-4 border-warning bg-warning-light p-3">
      <p className="font-medium">Retirer « {name} » ? La configuration de la passerelle ne la protégera plus ; son préfixe redevient libre.</p>
      {formError ? (
        <p role="alert" className="font-medium text-error">
          {formError}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="button" disabled={pending} onClick={() => submit(id)}>
          Confirmer le retrait
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
          Annuler
        </Button>
      </div>
    </div>
  );
}
