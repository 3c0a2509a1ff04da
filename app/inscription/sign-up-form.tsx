"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { TextField } from "@/components/ui/TextField";
import { signUpSchema, type SignUpInput } from "@/lib/organizations/sign-up-schema";
import { useRegisterPrefill } from "@/components/organizations/use-register-prefill";
import { lookUpSiretAction, signUpAction } from "./actions";
import { NewPasswordFields } from "@/components/forms/NewPasswordFields";

/** What a ProConnect first sign-in already told (ADR 0044); the person checks and completes it. */
export type SignUpPrefill = { name: string; email: string; siret: string };

export function SignUpForm({ prefill }: { prefill?: SignUpPrefill }) {
  const { register, handleSubmit, setError, setFocus, setValue, getValues, clearErrors, formState, control } = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: {
      name: prefill?.name ?? "",
      email: prefill?.email ?? "",
      password: "",
      passwordConfirmation: "",
      legalName: "",
      siret: prefill?.siret ?? "",
      address: "",
      isLegalRepresentative: false,
    },
  });
  const [typedPassword, typedName, typedEmail, typedSiret] = useWatch({ control, name: ["password", "name", "email", "siret"] });
  useRegisterPrefill(typedSiret, lookUpSiretAction, {
    prefill: (field, value) => {
      if (getValues(field).trim() === "") setValue(field, value, { shouldValidate: true });
    },
    showSiretProblem: (message) => setError("siret", { message }),
    clearSiretProblem: () => clearErrors("siret"),
  });
  const errors = formState.errors;
  const { formError, pending, submit } = useServerAction<SignUpInput>(signUpAction, { form: { setError, setFocus } });
  const onSubmit = handleSubmit(submit);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      {formError && (
        <Alert variant="error" title="Le compte n'a pas été créé" live>
          {formError}
        </Alert>
      )}
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-bold">Vous</legend>
        <TextField id="name" label="Nom et prénom" autoComplete="name" required error={errors.name?.message} {...register("name")} />
        <TextField
          id="email"
          label="Adresse e-mail professionnelle"
          hint="Elle servira d'identifiant de connexion."
          type="email"
          autoComplete="email"
          required
          error={errors.email?.message}
          {...register("email")}
        />
        <NewPasswordFields
          password={register("password")}
          confirmation={register("passwordConfirmation")}
          errors={{ password: errors.password?.message, passwordConfirmation: errors.passwordConfirmation?.message }}
          value={typedPassword}
          userInputs={[typedName, typedEmail]}
        />
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-bold">Votre organisation (personne morale)</legend>
        <TextField
          id="legalName"
          label="Raison sociale"
          autoComplete="organization"
          required
          error={errors.legalName?.message}
          {...register("legalName")}
        />
        <TextField
          id="siret"
          label="Numéro SIRET"
          hint="14 chiffres, espaces acceptés. Exemple : 732 829 320 00074"
          inputMode="numeric"
          required
          error={errors.siret?.message}
          {...register("siret")}
        />
        <TextField
          id="address"
          label="Adresse postale"
          hint="Numéro, voie, code postal et commune."
          autoComplete="street-address"
          required
          error={errors.address?.message}
          {...register("address")}
        />
        <Checkbox
          id="isLegalRepresentative"
          label="Je suis le représentant légal de cette organisation"
          hint="Le représentant légal signe les attestations de client et accepte la charte. Vous pourrez l'inviter plus tard."
          error={errors.isLegalRepresentative?.message}
          {...register("isLegalRepresentative")}
        />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Création du compte…" : "Créer mon compte"}
      </Button>
    </form>
  );
}
