"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import type { ActionResult } from "@/lib/form-result";
import { CONSENT_SENTENCE, declineReasonSchema, signSchema } from "@/lib/attestations/signing-schema";
import { SignaturePad } from "./SignaturePad";


type SignValues = { signerName: string; signerFunction: string; consent: boolean; signature: string };
type DeclineValues = { reason: string };

export type SignFormProps = {
  signerName: string;
  signerFunction: string;
  /** Server actions, already bound to the link or the attestation. */
  sign: (values: SignValues) => Promise<ActionResult>;
  decline: (values: DeclineValues) => Promise<ActionResult>;
  /** What the signatory sees once done. */
  doneTitle: string;
};

/** Confirm name and function, sign (drawn or typed), consent, and "Signer"; or "Refuser de signer" with a reason. */
export function SignForm(props: SignFormProps) {
  const [done, setDone] = useState<string>();
  const form = useForm<SignValues>({
    resolver: zodResolver(signSchema) as unknown as Resolver<SignValues>,
    defaultValues: { signerName: props.signerName, signerFunction: props.signerFunction, consent: false, signature: "" },
  });
  const declineForm = useForm<DeclineValues>({ resolver: zodResolver(declineReasonSchema) as unknown as Resolver<DeclineValues>, defaultValues: { reason: "" } });
  const errors = form.formState.errors;
  form.register("signature");
  const signing = useServerAction(props.sign, { form, onSuccess: ({ message }) => setDone(message) });
  const declining = useServerAction(props.decline, { form: declineForm, onSuccess: ({ message }) => setDone(message) });
  const pending = signing.pending || declining.pending;
  const formError = signing.formError;
  const declineError = declining.formError;

  if (done) {
    return (
      <Alert variant="success" title={props.doneTitle} live>
        <p>{done}</p>
      </Alert>
    );
  }

  const onSign = form.handleSubmit(signing.submit);
  const onDecline = declineForm.handleSubmit(declining.submit);

  return (
    <div className="space-y-12">
      <form onSubmit={onSign} noValidate className="space-y-6" aria-labelledby="signer-titre">
        <h2 id="signer-titre" className="text-2xl font-bold">
          Signer l&apos;attestation
        </h2>
        {formError && (
          <Alert variant="error" title="La signature n'a pas été enregistrée" live>
            {formError}
          </Alert>
        )}
        <TextField id="signerName" label="Vos prénom et nom" required autoComplete="name" error={errors.signerName?.message} {...form.register("signerName")} />
        <TextField id="signerFunction" label="Votre fonction" required autoComplete="organization-title" error={errors.signerFunction?.message} {...form.register("signerFunction")} />
        <fieldset className="space-y-3">
          <legend className="font-medium">Votre signature</legend>
          <SignaturePad
            defaultName={props.signerName}
            error={errors.signature?.message}
            onChange={(value) => form.setValue("signature", value, { shouldValidate: form.formState.isSubmitted })}
          />
        </fieldset>
        <Checkbox id="consent" label={CONSENT_SENTENCE} required error={errors.consent?.message} {...form.register("consent")} />
        <Button type="submit" disabled={pending}>
          {pending ? "Signature en cours…" : "Signer"}
        </Button>
      </form>

      <form onSubmit={onDecline} noValidate className="space-y-6 border-t border-grey-200 pt-8" aria-labelledby="refuser-titre">
        <h2 id="refuser-titre" className="text-2xl font-bold">
          Refuser de signer
        </h2>
        {declineError && (
          <Alert variant="error" title="Le refus n'a pas été enregistré" live>
            {declineError}
          </Alert>
        )}
        <TextArea
          id="reason"
          label="Raison du refus"
          hint="Elle est transmise à l'éditeur, qui pourra corriger l'attestation et vous l'envoyer à nouveau."
          rows={3}
          required
          error={declineForm.formState.errors.reason?.message}
          {...declineForm.register("reason")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Refuser de signer
        </Button>
      </form>
    </div>
  );
}
