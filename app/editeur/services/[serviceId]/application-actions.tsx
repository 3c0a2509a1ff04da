"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/TextArea";
import { MESSAGE_MAX_LENGTH, reviewText } from "@/lib/message-text";
import { createDraftAction, openAmendmentAction, renewCertificateAction } from "../../dossiers/actions";

/** Starts the service's first application (a draft); on success the dossier's page opens. */
export function CreateDraftButton({ serviceId }: { serviceId: string }) {
  const { formError: error, pending, submit } = useServerAction(createDraftAction);
  const run = () => submit(serviceId);
  return (
    <div className="space-y-3">
      {error ? (
        <Alert variant="error" title="Le dossier n'a pas été créé" live>
          {error}
        </Alert>
      ) : null}
      <Button type="button" onClick={run} disabled={pending}>
        {pending ? "Création…" : "Créer le dossier d'adhésion"}
      </Button>
    </div>
  );
}

const amendmentSchema = z.object({ note: reviewText("Décrivez la modification que vous demandez.") });

/** "Demander une modification": the reason, then an amendment opened as a draft (the enrolment stays in force). */
export function AmendmentForm({ serviceId }: { serviceId: string }) {
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, setError, setFocus, formState } = useForm<z.input<typeof amendmentSchema>, unknown, z.output<typeof amendmentSchema>>({
    resolver: zodResolver(amendmentSchema),
    defaultValues: { note: "" },
  });
  useEffect(() => {
    if (open) setFocus("note");
  }, [open, setFocus]);

  const { formError, pending, submit } = useServerAction((values: { note: string }) => openAmendmentAction(serviceId, values), { form: { setError, setFocus } });
  const onSubmit = handleSubmit(submit);

  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Demander une modification
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 border border-grey-200 p-4">
      {formError ? (
        <Alert variant="error" title="La demande n'a pas été ouverte" live>
          {formError}
        </Alert>
      ) : null}
      <TextArea
        id="amendment-note"
        label="Objet de la modification"
        hint={`Ce qui change (certificat, URL, fonctions, profil demandé) et pourquoi, ${MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères au plus. L'habilitation actuelle reste en vigueur jusqu'à l'approbation.`}
        rows={4}
        required
        error={formState.errors.note?.message}
        {...register("note")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Ouverture…" : "Ouvrir la demande de modification"}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => setOpen(false)} disabled={pending}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

/** The short path of a certificate renewal: an amendment opened and submitted at once, after a confirmation. */
export function RenewCertificateButton({ serviceId }: { serviceId: string }) {
  const [confirming, setConfirming] = useState(false);
  const { formError: error, pending, submit } = useServerAction(renewCertificateAction, { onSettled: () => setConfirming(false) });
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const run = () => submit(serviceId);
  return (
    <div className="space-y-3">
      {error ? (
        <Alert variant="error" title="Le renouvellement n'a pas été déposé" live>
          {error}
        </Alert>
      ) : null}
      {confirming ? (
        <>
          <p id={questionId} className="font-medium">
            Déposer auprès de l&apos;ANS une demande de renouvellement avec le nouveau certificat du service ? L&apos;habilitation actuelle reste en
            vigueur jusqu&apos;à son approbation.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button ref={confirmRef} type="button" onClick={run} disabled={pending} aria-describedby={questionId}>
              {pending ? "Dépôt…" : "Confirmer le renouvellement"}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setConfirming(false)} disabled={pending}>
              Annuler
            </Button>
          </div>
        </>
      ) : (
        <Button type="button" onClick={() => setConfirming(true)}>
          Renouveler le certificat
        </Button>
      )}
    </div>
  );
}
