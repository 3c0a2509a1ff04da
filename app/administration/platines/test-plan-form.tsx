"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Checkbox } from "@/components/ui/Checkbox";
import { Fieldset } from "@/components/ui/Fieldset";
import { Select } from "@/components/ui/Select";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import { MAX_REQUIRED_CASES, testPlanFormSchema, updateTestPlanSchema } from "@/lib/platines/test-plan-schema";
import { createTestPlanAction, updateTestPlanAction } from "./actions";

export type TestPlanFormFields = {
  name: string;
  api: string;
  description: string;
  profileIds: string[];
  cases: string;
  active: boolean;
  version?: number;
};

type Props = {
  profiles: { id: string; code: string; label: string; active: boolean }[];
  apiLabels: Record<string, string>;
  defaultValues: TestPlanFormFields;
} & ({ mode: "create" } | { mode: "edit"; planId: string });

/** Creates or edits a PLATINES test plan: its API, the profiles it applies to, its required cases. */
export function TestPlanForm(props: Props) {
  const schema = props.mode === "edit" ? updateTestPlanSchema : testPlanFormSchema;
  const { register, handleSubmit, setError, setFocus, formState } = useForm<TestPlanFormFields>({
    resolver: zodResolver(schema) as unknown as Resolver<TestPlanFormFields>,
    defaultValues: props.defaultValues,
  });
  const errors = formState.errors;
  const { formError, pending, submit } = useServerAction(
    (values: TestPlanFormFields) => (props.mode === "edit" ? updateTestPlanAction(props.planId, values) : createTestPlanAction(values)),
    { form: { setError, setFocus } },
  );
  const onSubmit = handleSubmit(submit);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      {formError && (
        <Alert variant="error" title="Le plan n'a pas été enregistré" live>
          {formError}
        </Alert>
      )}
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      <TextField id="name" label="Nom du plan" hint="200 caractères au plus." required error={errors.name?.message} {...register("name")} />
      <Select id="api" label="API couverte" required error={errors.api?.message} {...register("api")}>
        {Object.entries(props.apiLabels).map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </Select>
      <TextArea id="description" label="Description" hint="Ce que le plan vérifie, tel que les éditeurs le lisent. 4000 caractères au plus." required rows={4} error={errors.description?.message} {...register("description")} />
      <Fieldset id="profileIds" legend="Profils d'accès auxquels le plan s'applique" hint="Les services qui demandent l'un de ces profils doivent satisfaire le plan." required error={errors.profileIds?.message}>
        {props.profiles.map((profile) => (
          <Checkbox key={profile.id} id={`profile-${profile.id}`} value={profile.id} label={profile.active ? profile.label : `${profile.label} (profil désactivé)`} {...register("profileIds")} />
        ))}
      </Fieldset>
      <TextArea
        id="cases"
        label="Cas de test requis"
        hint={`Un cas par ligne : l'identifiant, un tiret entouré d'espaces, puis l'intitulé (par exemple « FHIR-ORG-01 — Recherche d'Organization par FINESS »). Les identifiants sont uniques, comparés sans tenir compte des majuscules ; ${MAX_REQUIRED_CASES} cas au plus. Un cas de test du rapport correspond à un identifiant quand son nom est cet identifiant, ou commence par « [identifiant] » ou « identifiant: ».`}
        required
        rows={12}
        textareaClassName="font-mono text-sm"
        error={errors.cases?.message}
        {...register("cases")}
      />
      <Checkbox
        id="active"
        label="Plan actif, exigé des services concernés"
        hint="Décochez pour désactiver le plan : il n'est plus exigé ; les résultats déjà déposés restent consultables."
        error={errors.active?.message}
        {...register("active")}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : props.mode === "create" ? "Créer le plan" : "Enregistrer les modifications"}
        </Button>
        <ButtonLink href="/administration/platines" variant="secondary">
          Annuler
        </ButtonLink>
      </div>
    </form>
  );
}
