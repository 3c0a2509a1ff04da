"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFieldArray, useForm, type Resolver } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Fieldset } from "@/components/ui/Fieldset";
import { Radio } from "@/components/ui/Radio";
import { Select } from "@/components/ui/Select";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import { ANNEX_LABELS, ATTESTATION_LIMITS, attestationSchema, type AttestationField } from "@/lib/attestations/attestation-schema";
import { MAX_CLIENT_SIGNATORIES, SIGNING_ORDER_LABELS, type ClientSignatory, type SigningOrder } from "@/lib/attestations/signatories";
import { createAttestationAction, updateAttestationAction } from "./actions";

type Values = Record<AttestationField, string> & { additionalClientSignatories: ClientSignatory[]; signingOrder: SigningOrder; version?: number };

const EMPTY_SIGNATORY: ClientSignatory = { lastName: "", firstName: "", function: "", email: "" };

export type AttestationFormProps = {
  serviceId: string;
  today: string;
  editor: { name: string; address: string };
  legalRepresentatives: readonly { id: string; name: string }[];
  defaults: Record<AttestationField, string> & { additionalClientSignatories?: ClientSignatory[]; signingOrder?: SigningOrder };
  cancelHref: string;
  /** Sent already: saving cancels the pending signatures. */
  warnsOfCancellation?: boolean;
} & ({ mode: "create" } | { mode: "edit"; attestationId: string; version: number });

const maxHint = (max: number) => `${max} caractères au maximum.`;

/** The client attestation (Annex 1). A draft may stay incomplete; sending for signature needs every field. */
export function AttestationForm(props: AttestationFormProps) {
  const resolver = zodResolver(attestationSchema(props.today)) as unknown as Resolver<Values>;
  const { register, handleSubmit, setError, setFocus, formState, control } = useForm<Values>({
    resolver,
    defaultValues: { additionalClientSignatories: [], signingOrder: "PARALLEL", ...props.defaults },
  });
  const errors = formState.errors;
  const others = useFieldArray({ control, name: "additionalClientSignatories" });
  const count = others.fields.length + 1;

  const { formError, pending, submit } = useServerAction(
    (values: Values) =>
      props.mode === "edit"
        ? updateAttestationAction(props.serviceId, props.attestationId, { ...values, version: props.version })
        : createAttestationAction(props.serviceId, values),
    { form: { setError, setFocus } },
  );
  const onSubmit = handleSubmit(submit);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-10">
      {formError && (
        <Alert variant="error" title="L'attestation n'a pas été enregistrée" live>
          {formError}
        </Alert>
      )}
      {props.warnsOfCancellation && (
        <Alert variant="warning" title="Cette attestation a été envoyée pour signature">
          <p>Si vous enregistrez une modification, la demande de signature en cours est annulée : il faudra l&apos;envoyer à nouveau.</p>
        </Alert>
      )}

      <section aria-labelledby="entre" className="space-y-8">
        <h2 id="entre" className="text-2xl font-bold">
          ENTRE <span className="text-base font-normal text-grey-800">(le client)</span>
        </h2>
        <Fieldset id="client" legend={ANNEX_LABELS.client} legendSize="section">
          <TextField id="clientName" label="Nom du client" hint={maxHint(ATTESTATION_LIMITS.clientName)} error={errors.clientName?.message} {...register("clientName")} />
          <TextArea id="clientAddress" label="Adresse du client" rows={3} hint={maxHint(ATTESTATION_LIMITS.clientAddress)} error={errors.clientAddress?.message} {...register("clientAddress")} />
        </Fieldset>
        <Fieldset
          id="clientSignatory"
          legend={ANNEX_LABELS.clientSignatory}
          legendSize="section"
          hint={`De 1 à ${MAX_CLIENT_SIGNATORIES} signataires pour le client ; chacun reçoit son propre lien de signature. Une adresse électronique par signataire.`}
          error={errors.additionalClientSignatories?.root?.message ?? errors.additionalClientSignatories?.message}
        >
          <Fieldset id="signataire-1" legend="Signataire 1">
          <TextField id="clientSignatoryLastName" label="Nom" autoComplete="off" error={errors.clientSignatoryLastName?.message} {...register("clientSignatoryLastName")} />
          <TextField id="clientSignatoryFirstName" label="Prénom" autoComplete="off" error={errors.clientSignatoryFirstName?.message} {...register("clientSignatoryFirstName")} />
          <TextField id="clientSignatoryFunction" label="Fonction" autoComplete="off" error={errors.clientSignatoryFunction?.message} {...register("clientSignatoryFunction")} />
          <TextField
            id="clientSignatoryEmail"
            type="email"
            label="Adresse électronique du responsable signataire"
            hint="Le lien personnel de signature lui est envoyé à cette adresse."
            autoComplete="off"
            error={errors.clientSignatoryEmail?.message}
            {...register("clientSignatoryEmail")}
          />
          </Fieldset>
          {others.fields.map((field, index) => {
            const n = index + 2;
            const fieldErrors = errors.additionalClientSignatories?.[index];
            const id = (key: keyof ClientSignatory) => `additionalClientSignatories.${index}.${key}` as const;
            return (
              <Fieldset key={field.id} id={`signataire-${n}`} legend={`Signataire ${n}`}>
                <TextField id={id("lastName")} label="Nom" autoComplete="off" error={fieldErrors?.lastName?.message} {...register(id("lastName"))} />
                <TextField id={id("firstName")} label="Prénom" autoComplete="off" error={fieldErrors?.firstName?.message} {...register(id("firstName"))} />
                <TextField id={id("function")} label="Fonction" autoComplete="off" error={fieldErrors?.function?.message} {...register(id("function"))} />
                <TextField
                  id={id("email")}
                  type="email"
                  label="Adresse électronique du signataire"
                  hint="Son lien personnel de signature lui est envoyé à cette adresse."
                  autoComplete="off"
                  error={fieldErrors?.email?.message}
                  {...register(id("email"))}
                />
                <div>
                  <Button type="button" variant="tertiary" onClick={() => others.remove(index)}>
                    Retirer le signataire {n}
                  </Button>
                </div>
              </Fieldset>
            );
          })}
          {count < MAX_CLIENT_SIGNATORIES && (
            <div>
              <Button type="button" variant="secondary" onClick={() => others.append({ ...EMPTY_SIGNATORY }, { focusName: `additionalClientSignatories.${others.fields.length}.lastName` })}>
                Ajouter un signataire pour le client
              </Button>
            </div>
          )}
        </Fieldset>
        <Fieldset id="signingOrder" legend="Ordre de signature des signataires du client" hint="Le représentant légal de l'éditeur peut signer à tout moment." error={errors.signingOrder?.message}>
          {(Object.keys(SIGNING_ORDER_LABELS) as SigningOrder[]).map((order) => (
            <Radio key={order} id={`signingOrder-${order}`} value={order} label={SIGNING_ORDER_LABELS[order]} {...register("signingOrder")} />
          ))}
        </Fieldset>
        <TextField id="clientSiret" label={ANNEX_LABELS.clientSiret} hint="14 chiffres, par exemple 732 829 320 00074." inputMode="numeric" error={errors.clientSiret?.message} {...register("clientSiret")} />
      </section>

      <section aria-labelledby="et" className="space-y-8">
        <h2 id="et" className="text-2xl font-bold">
          ET <span className="text-base font-normal text-grey-800">(l&apos;éditeur)</span>
        </h2>
        <div>
          <p className="font-medium">{ANNEX_LABELS.editor}</p>
          <p className="mt-1 whitespace-pre-line break-words text-grey-800">
            {props.editor.name}
            {"\n"}
            {props.editor.address}
          </p>
          <p className="mt-1 text-sm text-grey-800">Repris de l&apos;organisation ; modifiable sur la page de l&apos;organisation.</p>
        </div>
        <Select
          id="editorLegalRepresentativeId"
          label={ANNEX_LABELS.editorLegalRepresentative}
          hint="Il signera l'attestation au nom de l'éditeur, depuis son compte."
          error={errors.editorLegalRepresentativeId?.message}
          {...register("editorLegalRepresentativeId")}
        >
          <option value="">Choisissez un représentant légal</option>
          {props.legalRepresentatives.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </Select>
      </section>

      <section aria-labelledby="commande" className="space-y-8">
        <h2 id="commande" className="text-2xl font-bold">
          La commande et le logiciel
        </h2>
        <TextField id="orderSignedOn" type="date" label={ANNEX_LABELS.orderSignedOn} hint="Elle ne peut pas être dans le futur." max={props.today} error={errors.orderSignedOn?.message} {...register("orderSignedOn")} />
        <TextField id="softwareVersion" label={ANNEX_LABELS.softwareVersion} hint={`Reprise du service ; ${maxHint(ATTESTATION_LIMITS.softwareVersion)}`} error={errors.softwareVersion?.message} {...register("softwareVersion")} />
        <TextField id="place" label="Fait à" hint="La ville où l'attestation est faite ; la date est celle de l'envoi pour signature." error={errors.place?.message} {...register("place")} />
      </section>

      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer le brouillon"}
        </Button>
        <ButtonLink href={props.cancelHref} variant="secondary">
          Annuler
        </ButtonLink>
      </div>
      <p className="text-sm text-grey-800">
        Vous pouvez enregistrer une attestation incomplète et la reprendre plus tard. Tous les champs seront nécessaires pour l&apos;envoyer pour signature.
      </p>
    </form>
  );
}
