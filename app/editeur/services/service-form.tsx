"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { useForm, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Checkbox } from "@/components/ui/Checkbox";
import { Fieldset } from "@/components/ui/Fieldset";
import { Radio } from "@/components/ui/Radio";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import {
  ROR_API_LABELS,
  ROR_APIS,
  SERVICE_LIMITS,
  SERVICE_PURPOSE_LABELS,
  SERVICE_PURPOSES,
  serviceSchema,
  serviceUpdateSchema,
  type ServiceUpdateInput,
} from "@/lib/services/service-schema";
import { createServiceAction, updateServiceAction } from "./actions";

export type ProfileOption = { id: string; label: string; description: string; requiresCertificate: boolean };

type Values = Omit<ServiceUpdateInput, "version"> & { version?: string };

export type ServiceFormProps = {
  profiles: readonly ProfileOption[];
  cancelHref: string;
} & ({ mode: "create"; organizationId: string } | { mode: "edit"; serviceId: string; defaults: ServiceUpdateInput });

const emptyValues: Values = {
  name: "",
  softwareName: "",
  softwareVersion: "",
  description: "",
  purposes: [],
  users: "",
  requestedProfileId: "",
  profileJustification: "",
  apis: [],
};

const maxHint = (max: number) => `${max} caractères au maximum.`;

/** Declares a service, or changes it: the same fields, validated in the browser and again on the server. */
export function ServiceForm(props: ServiceFormProps) {
  const resolver = zodResolver(props.mode === "edit" ? serviceUpdateSchema : serviceSchema) as unknown as Resolver<Values>;
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver,
    defaultValues: props.mode === "edit" ? props.defaults : emptyValues,
  });
  const errors = formState.errors;

  const { formError, pending, submit } = useServerAction(
    (values: Values) => (props.mode === "edit" ? updateServiceAction(props.serviceId, values) : createServiceAction(props.organizationId, values)),
    { form: { setError, setFocus } },
  );
  const onSubmit = handleSubmit(submit);

  const submitLabel = props.mode === "edit" ? "Enregistrer les modifications" : "Déclarer le service";

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-10">
      {formError && (
        <Alert variant="error" title={props.mode === "edit" ? "Les modifications n'ont pas été enregistrées" : "Le service n'a pas été déclaré"} live>
          {formError}
        </Alert>
      )}
      {props.mode === "edit" && <input type="hidden" {...register("version")} />}

      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-bold">Le service</legend>
        <TextField id="name" label="Nom du service" hint={maxHint(SERVICE_LIMITS.name)} required error={errors.name?.message} {...register("name")} />
        <TextField
          id="softwareName"
          label="Nom du logiciel"
          hint={maxHint(SERVICE_LIMITS.softwareName)}
          required
          error={errors.softwareName?.message}
          {...register("softwareName")}
        />
        <TextField
          id="softwareVersion"
          label="Version du logiciel"
          hint={`La version concernée par la connexion au ROR, par exemple 4.2.1. ${maxHint(SERVICE_LIMITS.softwareVersion)}`}
          required
          error={errors.softwareVersion?.message}
          {...register("softwareVersion")}
        />
        <TextArea
          id="description"
          label="Description du service"
          hint={`Ce que fait le service et comment il utilise les données du ROR. ${maxHint(SERVICE_LIMITS.description)}`}
          rows={5}
          required
          error={errors.description?.message}
          {...register("description")}
        />
      </fieldset>

      <Fieldset
        id="purposes"
        legend="Finalité du service"
        hint="Le service doit contribuer à la prise en charge du patient dans son parcours. Cochez une ou plusieurs finalités."
        required
        error={errors.purposes?.message}
      >
        {SERVICE_PURPOSES.map((purpose) => (
          <Checkbox key={purpose} id={`purposes-${purpose}`} label={SERVICE_PURPOSE_LABELS[purpose]} value={purpose} {...register("purposes")} />
        ))}
      </Fieldset>

      <TextArea
        id="users"
        label="Utilisateurs du service : qui verra les données du ROR"
        hint={`Par exemple : les médecins régulateurs du SAMU, les travailleurs sociaux d'un département. ${maxHint(SERVICE_LIMITS.users)}`}
        rows={4}
        required
        error={errors.users?.message}
        {...register("users")}
      />

      <Fieldset
        id="requestedProfileId"
        legend="Profil d'accès demandé"
        hint="Le profil dépend des utilisateurs du service et de sa finalité. L'ANS attribue le profil lors de l'instruction."
        required
        error={errors.requestedProfileId?.message}
      >
        {props.profiles.map((profile) => (
          <Radio
            key={profile.id}
            id={`requestedProfileId-${profile.id}`}
            label={profile.label}
            hint={`${profile.description} ${profile.requiresCertificate ? "Certificat IGC Santé requis." : "Sans certificat."}`}
            value={profile.id}
            {...register("requestedProfileId")}
          />
        ))}
      </Fieldset>

      <TextArea
        id="profileJustification"
        label="Justification du profil demandé"
        hint={`Pourquoi vos utilisateurs ont besoin des données de ce profil. ${maxHint(SERVICE_LIMITS.profileJustification)}`}
        rows={4}
        required
        error={errors.profileJustification?.message}
        {...register("profileJustification")}
      />

      <Fieldset id="apis" legend="API du ROR appelées" hint="Cochez au moins une API." required error={errors.apis?.message}>
        {ROR_APIS.map((api) => (
          <Checkbox key={api} id={`apis-${api}`} label={ROR_API_LABELS[api]} value={api} {...register("apis")} />
        ))}
      </Fieldset>

      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : submitLabel}
        </Button>
        <ButtonLink href={props.cancelHref} variant="secondary">
          Annuler
        </ButtonLink>
      </div>
    </form>
  );
}
