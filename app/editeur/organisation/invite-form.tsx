"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { TextField } from "@/components/ui/TextField";
import { invitationSchema, type InvitationInput } from "@/lib/organizations/organization-schema";
import { inviteColleagueAction } from "./actions";

export function InviteForm({ organizationId, mayOfferLegalRepresentative }: { organizationId: string; mayOfferLegalRepresentative: boolean }) {
  const [formError, setFormError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<InvitationInput>({
    resolver: zodResolver(invitationSchema),
    defaultValues: { email: "", asLegalRepresentative: false },
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      setSent(undefined);
      const result = await inviteColleagueAction(organizationId, values);
      if (result.ok) {
        reset({ email: "", asLegalRepresentative: false });
        setSent(result.message);
        return;
      }
      setFormError(result.formError);
      showFieldErrors(result.fieldErrors, { setError, setFocus });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div role="status" aria-live="polite" className="empty:hidden">
        {sent ? <Alert variant="success">{sent}</Alert> : null}
      </div>
      {formError && (
        <Alert variant="error" title="L'invitation n'a pas été envoyée" live>
          {formError}
        </Alert>
      )}
      <TextField
        id="invitation-email"
        label="Adresse e-mail de votre collègue"
        hint="Un lien valable 7 jours, utilisable une seule fois, lui sera envoyé."
        type="email"
        autoComplete="off"
        required
        error={errors.email?.message}
        {...register("email")}
      />
      {mayOfferLegalRepresentative ? (
        <Checkbox
          id="invitation-asLegalRepresentative"
          label="L'inviter comme représentant légal"
          hint="Le représentant légal accepte la charte et signe les attestations de client au nom de l'organisation."
          error={errors.asLegalRepresentative?.message}
          {...register("asLegalRepresentative")}
        />
      ) : (
        <p className="text-grey-600">Seul un représentant légal peut inviter un autre représentant légal.</p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer l'invitation"}
      </Button>
    </form>
  );
}
