"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { TextField } from "@/components/ui/TextField";
import { invitationSchema, type InvitationInput } from "@/lib/organizations/organization-schema";
import { inviteColleagueAction } from "./actions";

export function InviteForm({ organizationId, mayOfferLegalRepresentative }: { organizationId: string; mayOfferLegalRepresentative: boolean }) {
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<InvitationInput>({
    resolver: zodResolver(invitationSchema),
    defaultValues: { email: "", asLegalRepresentative: false },
  });
  const errors = formState.errors;

  const {
    formError,
    notice: sent,
    pending,
    submit,
  } = useServerAction((values: InvitationInput) => inviteColleagueAction(organizationId, values), {
    form: { setError, setFocus },
    onSuccess: () => reset({ email: "", asLegalRepresentative: false }),
  });
  const onSubmit = handleSubmit(submit);

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
