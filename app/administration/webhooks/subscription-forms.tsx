"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useRef, useState } from "react";
import { useForm, type Resolver, type UseFormRegisterReturn } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Fieldset } from "@/components/ui/Fieldset";
import { TextField } from "@/components/ui/TextField";
import {
  createSubscriptionSchema,
  DEFAULT_OVERLAP_HOURS,
  MAX_OVERLAP_HOURS,
  rotateSecretSchema,
  updateSubscriptionSchema,
} from "@/lib/webhooks/subscription-schema";
import { MIN_SECRET_BYTES } from "@/lib/webhooks/secret-rules";
import { WEBHOOK_TYPE_OPTIONS } from "@/lib/webhooks/types";
import {
  createSubscriptionAction,
  replayDeliveryAction,
  rotateSecretAction,
  setSubscriptionActiveAction,
  updateSubscriptionAction,
  type ShownSecret,
} from "./actions";

const URL_HINT = "Une adresse https:// dont le nom ne désigne que des adresses publiques ; sans identifiant ni mot de passe. Les redirections ne sont pas suivies.";
const SECRET_HINT = `Facultatif : laissez vide pour qu'un secret soit généré. Sinon « whsec_ » suivi de base64, ou un texte, d'au moins ${MIN_SECRET_BYTES} octets.`;

/** The secret, once: selected on focus for copying, never shown again. */
function SecretOnce({ title, secret }: { title: string; secret: string }) {
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => shown.current?.focus(), [secret]);
  return (
    <div ref={shown} tabIndex={-1}>
      <Alert variant="success" title={title} live>
        <p>Copiez le secret maintenant et donnez-le au récepteur : il ne sera plus jamais affiché. Il sert à vérifier la signature de chaque envoi (en-tête webhook-signature).</p>
        <TextField id="shown-secret" name="shown-secret" label="Secret de signature" readOnly value={secret} inputClassName="font-mono" onFocus={(e) => e.currentTarget.select()} />
      </Alert>
    </div>
  );
}

function EventTypeChoices({ error, registration }: { error?: string; registration: UseFormRegisterReturn }) {
  return (
    <Fieldset id="eventTypes" legend="Événements à recevoir" hint="Au moins un. Chaque envoi porte le type choisi et les données de l'événement du journal." required error={error}>
      {WEBHOOK_TYPE_OPTIONS.map((option) => (
        <Checkbox key={option.type} id={`type-${option.type}`} value={option.type} label={option.label} hint={option.type} {...registration} />
      ))}
    </Fieldset>
  );
}

type CreateValues = { name: string; url: string; eventTypes: string[]; secret: string };

export function CreateSubscriptionForm() {
  const [created, setCreated] = useState<ShownSecret>();
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<CreateValues>({
    resolver: zodResolver(createSubscriptionSchema) as unknown as Resolver<CreateValues>,
    defaultValues: { name: "", url: "", eventTypes: [], secret: "" },
  });
  const { formError, pending, submit } = useServerAction(createSubscriptionAction, {
    form: { setError, setFocus },
    onSuccess: (answer) => {
      if (!("secret" in answer)) return;
      setCreated(answer);
      reset();
    },
  });
  const errors = formState.errors;
  return (
    <div className="space-y-6">
      {created ? (
        <div className="space-y-3">
          <SecretOnce title={`Abonnement « ${created.name} » créé`} secret={created.secret} />
          <p>
            <a href={`/administration/webhooks/${created.subscriptionId}`}>Voir l&apos;abonnement « {created.name} » et ses envois</a>
          </p>
        </div>
      ) : null}
      <form onSubmit={handleSubmit(submit)} noValidate className="max-w-3xl space-y-6">
        {formError && (
          <Alert variant="error" title="L'abonnement n'a pas été créé" live>
            {formError}
          </Alert>
        )}
        <TextField id="name" label="Nom de l'abonnement" hint="Pour le reconnaître, par exemple « Passerelle de production ». 3 à 80 caractères." required error={errors.name?.message} {...register("name")} />
        <TextField id="url" label="URL du récepteur" hint={URL_HINT} required type="url" inputMode="url" autoComplete="off" spellCheck={false} error={errors.url?.message} {...register("url")} />
        <EventTypeChoices error={errors.eventTypes?.message ?? errors.eventTypes?.[0]?.message} registration={register("eventTypes")} />
        <TextField id="secret" label="Secret de signature" hint={SECRET_HINT} autoComplete="off" spellCheck={false} inputClassName="font-mono" error={errors.secret?.message} {...register("secret")} />
        <Button type="submit" disabled={pending}>
          {pending ? "Création…" : "Créer l'abonnement"}
        </Button>
      </form>
    </div>
  );
}

type EditValues = { name: string; url: string; eventTypes: string[]; version: number };

export function EditSubscriptionForm({ subscriptionId, defaultValues }: { subscriptionId: string; defaultValues: EditValues }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<EditValues>({
    resolver: zodResolver(updateSubscriptionSchema) as unknown as Resolver<EditValues>,
    defaultValues,
  });
  const { formError, pending, submit } = useServerAction((values: EditValues) => updateSubscriptionAction(subscriptionId, values), { form: { setError, setFocus } });
  const errors = formState.errors;
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-3xl space-y-6">
      {formError && (
        <Alert variant="error" title="L'abonnement n'a pas été modifié" live>
          {formError}
        </Alert>
      )}
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      <TextField id="edit-name" label="Nom de l'abonnement" hint="3 à 80 caractères." required error={errors.name?.message} {...register("name")} />
      <TextField id="edit-url" label="URL du récepteur" hint={URL_HINT} required type="url" inputMode="url" autoComplete="off" spellCheck={false} error={errors.url?.message} {...register("url")} />
      <EventTypeChoices error={errors.eventTypes?.message ?? errors.eventTypes?.[0]?.message} registration={register("eventTypes")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer les modifications"}
      </Button>
    </form>
  );
}

type RotateValues = { secret: string; overlapHours: number; version: number };

export function RotateSecretForm({ subscriptionId, version }: { subscriptionId: string; version: number }) {
  const [rotated, setRotated] = useState<string>();
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<RotateValues>({
    resolver: zodResolver(rotateSecretSchema) as unknown as Resolver<RotateValues>,
    defaultValues: { secret: "", overlapHours: DEFAULT_OVERLAP_HOURS, version },
  });
  const { formError, pending, submit } = useServerAction((values: RotateValues) => rotateSecretAction(subscriptionId, values), {
    form: { setError, setFocus },
    onSuccess: (answer) => {
      if (!("secret" in answer)) return;
      setRotated(answer.secret);
      reset({ secret: "", overlapHours: DEFAULT_OVERLAP_HOURS, version: version + 1 });
    },
  });
  const errors = formState.errors;
  return (
    <div className="space-y-6">
      {rotated ? <SecretOnce title="Secret renouvelé" secret={rotated} /> : null}
      <form onSubmit={handleSubmit(submit)} noValidate className="max-w-3xl space-y-6">
        {formError && (
          <Alert variant="error" title="Le secret n'a pas été renouvelé" live>
            {formError}
          </Alert>
        )}
        <input type="hidden" {...register("version", { valueAsNumber: true })} />
        <TextField id="new-secret" label="Nouveau secret" hint={SECRET_HINT} autoComplete="off" spellCheck={false} inputClassName="font-mono" error={errors.secret?.message} {...register("secret")} />
        <TextField
          id="overlapHours"
          label="Période de recouvrement, en heures"
          hint={`Pendant cette durée, chaque envoi porte deux signatures, avec l'ancien et avec le nouveau secret : le récepteur change de secret sans perdre d'envoi. 0 à ${MAX_OVERLAP_HOURS} heures ; 0 retire l'ancien secret tout de suite.`}
          required
          type="number"
          min={0}
          max={MAX_OVERLAP_HOURS}
          step={1}
          inputMode="numeric"
          error={errors.overlapHours?.message}
          {...register("overlapHours", { valueAsNumber: true })}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Renouvellement…" : "Renouveler le secret"}
        </Button>
      </form>
    </div>
  );
}

export function ActivationButton({ subscriptionId, version, active, name }: { subscriptionId: string; version: number; active: boolean; name: string }) {
  const { formError: error, pending, submit } = useServerAction(setSubscriptionActiveAction);
  const errorId = useId();
  return (
    <div className="flex flex-col items-start gap-2">
      <Button type="button" variant={active ? "secondary" : "primary"} disabled={pending} aria-describedby={error ? errorId : undefined} onClick={() => submit({ subscriptionId, version, active: !active })}>
        {active ? "Désactiver l'abonnement" : "Réactiver l'abonnement"}
        <span className="sr-only"> {name}</span>
      </Button>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ReplayButton({ subscriptionId, deliveryId, label }: { subscriptionId: string; deliveryId: string; label: string }) {
  const { formError: error, notice, pending, submit } = useServerAction(replayDeliveryAction);
  const messageId = useId();
  return (
    <div className="flex flex-col items-start gap-2">
      <Button type="button" size="sm" variant="secondary" disabled={pending} aria-describedby={error || notice ? messageId : undefined} onClick={() => submit({ subscriptionId, deliveryId })}>
        {pending ? "Renvoi…" : "Renvoyer"}
        <span className="sr-only"> l&apos;envoi {label}</span>
      </Button>
      {error ? (
        <p id={messageId} role="alert" className="text-sm font-medium text-error">
          {error}
        </p>
      ) : notice ? (
        <p id={messageId} role="status" className="text-sm font-medium text-success">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
