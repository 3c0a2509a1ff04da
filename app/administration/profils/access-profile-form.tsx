"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { useForm, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Checkbox } from "@/components/ui/Checkbox";
import { Fieldset } from "@/components/ui/Fieldset";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import { createAccessProfileSchema, QUOTA_MAX, QUOTA_MIN, updateAccessProfileSchema } from "@/lib/catalogue/access-profile-schema";
import { createAccessProfileAction, updateAccessProfileAction } from "./actions";

export type AccessProfileFormValues = {
  code?: string;
  lastUpdatedAt?: string;
  label: string;
  description: string;
  requiresCertificate: boolean;
  level2AuthenticatedPerSecond: number;
  level2PublicPerSecond: number;
  sortOrder: number;
  active: boolean;
};

type Props =
  | { mode: "create"; defaultValues: AccessProfileFormValues }
  | { mode: "edit"; id: string; defaultValues: AccessProfileFormValues };

const schemas = { create: createAccessProfileSchema, edit: updateAccessProfileSchema };

/** Adds a profile to the catalogue, or edits one (the code of an existing profile never changes). */
export function AccessProfileForm(props: Props) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<AccessProfileFormValues>({
    resolver: zodResolver(schemas[props.mode]) as unknown as Resolver<AccessProfileFormValues>,
    defaultValues: props.defaultValues,
  });
  const errors = formState.errors;
  const number = { valueAsNumber: true } as const;

  const { formError, pending, submit } = useServerAction(
    (values: AccessProfileFormValues) => (props.mode === "edit" ? updateAccessProfileAction(props.id, values) : createAccessProfileAction(values)),
    { form: { setError, setFocus } },
  );
  const onSubmit = handleSubmit(submit);

  const quotaHint = `Nombre entier d'appels par seconde, de ${QUOTA_MIN} à ${QUOTA_MAX}.`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      {formError && (
        <Alert variant="error" title="Le profil n'a pas été enregistré" live>
          {formError}
        </Alert>
      )}
      {props.mode === "create" ? (
        <TextField
          id="code"
          label="Code du profil"
          hint="Court et unique, par exemple 5. Lettres sans accent, chiffres, points et tirets. Il ne pourra plus être modifié."
          required
          error={errors.code?.message}
          {...register("code")}
        />
      ) : null}
      <TextField id="label" label="Libellé" hint="120 caractères au plus." required error={errors.label?.message} {...register("label")} />
      <TextArea
        id="description"
        label="Description"
        hint="Les données auxquelles le profil donne accès, telles que les éditeurs les lisent. 2000 caractères au plus."
        required
        error={errors.description?.message}
        {...register("description")}
      />
      <Checkbox
        id="requiresCertificate"
        label="Un certificat IGC Santé est exigé pour ce profil"
        error={errors.requiresCertificate?.message}
        {...register("requiresCertificate")}
      />
      <Fieldset
        id="quotas"
        legend="Quotas de niveau 2 par défaut, par service numérique"
        hint="Les quotas d'un nouveau service partent de ces valeurs ; l'ANS peut les ajuster service par service."
      >
        <TextField
          id="level2AuthenticatedPerSecond"
          label="Appels par seconde sur une API authentifiée"
          hint={quotaHint}
          type="number"
          inputMode="numeric"
          required
          error={errors.level2AuthenticatedPerSecond?.message}
          {...register("level2AuthenticatedPerSecond", number)}
        />
        <TextField
          id="level2PublicPerSecond"
          label="Appels par seconde sur une API publique"
          hint={quotaHint}
          type="number"
          inputMode="numeric"
          required
          error={errors.level2PublicPerSecond?.message}
          {...register("level2PublicPerSecond", number)}
        />
      </Fieldset>
      <TextField
        id="sortOrder"
        label="Ordre d'affichage"
        hint="Nombre entier de 0 à 999 : les profils sont proposés dans cet ordre, puis par code."
        type="number"
        inputMode="numeric"
        required
        error={errors.sortOrder?.message}
        {...register("sortOrder", number)}
      />
      <Checkbox
        id="active"
        label="Profil actif, proposé aux éditeurs"
        hint="Décochez pour désactiver le profil : il n'est plus proposé aux nouvelles demandes ; les services qui l'ont déjà le conservent."
        error={errors.active?.message}
        {...register("active")}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : props.mode === "create" ? "Ajouter le profil" : "Enregistrer les modifications"}
        </Button>
        <ButtonLink href="/administration/profils" variant="secondary">
          Annuler
        </ButtonLink>
      </div>
    </form>
  );
}
