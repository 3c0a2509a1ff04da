"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRef } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Select } from "@/components/ui/Select";
import { TextArea } from "@/components/ui/TextArea";
import { NOTE_EMPTY } from "@/lib/review/team-input";
import { reviewText } from "@/lib/message-text";
import { addNoteAction, assignAction } from "./actions";

// The team's forms on the reviewer's dossier page (ADR 0035): who is in charge, and the internal notes.

type Reviewer = { id: string; name: string };

/** "Je prends ce dossier", or hand it to a colleague (or to nobody). Sends who was in charge when the page loaded. */
export function AssignmentForms({ applicationId, assigneeId, meId, reviewers }: { applicationId: string; assigneeId: string | null; meId: string; reviewers: Reviewer[] }) {
  const expected = assigneeId ?? "";
  const take = useServerAction<void>(() => assignAction(applicationId, { assigneeId: meId, expectedAssigneeId: expected }));
  const { register, handleSubmit, setError, setFocus, formState } = useForm<{ assigneeId: string }>({ defaultValues: { assigneeId: assigneeId ?? "" } });
  const give = useServerAction<{ assigneeId: string }>((values) => assignAction(applicationId, { assigneeId: values.assigneeId, expectedAssigneeId: expected }), {
    form: { setError, setFocus },
  });
  const error = take.formError ?? give.formError;
  return (
    <div className="space-y-4">
      {error && (
        <Alert variant="error" title="L'attribution n'a pas été enregistrée" live>
          {error}
        </Alert>
      )}
      {assigneeId !== meId && (
        <Button type="button" disabled={take.pending} onClick={() => take.submit()}>
          {take.pending ? "Enregistrement…" : "Je prends ce dossier"}
        </Button>
      )}
      <form onSubmit={handleSubmit(give.submit)} noValidate className="flex flex-wrap items-end gap-4">
        <Select id="assigneeId" label="Attribuer le dossier à" hint="Seul l'instructeur choisi recevra les réponses de l'éditeur et ses nouveaux dépôts." error={formState.errors.assigneeId?.message} {...register("assigneeId")}>
          <option value="">Personne (tous les instructeurs sont prévenus)</option>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" disabled={give.pending}>
          {give.pending ? "Enregistrement…" : "Attribuer"}
        </Button>
      </form>
    </div>
  );
}

/** An internal note: ANS staff alone read it. */
export function InternalNoteForm({ applicationId }: { applicationId: string }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<{ body: string }>({
    resolver: zodResolver(z.object({ body: reviewText(NOTE_EMPTY) })) as unknown as Resolver<{ body: string }>,
    defaultValues: { body: "" },
  });
  const { formError, pending, submit } = useServerAction<{ body: string }>((values) => addNoteAction(applicationId, values), { form: { setError, setFocus } });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-6 space-y-4">
      {formError && (
        <Alert variant="error" title="La note n'a pas été enregistrée" live>
          {formError}
        </Alert>
      )}
      <TextArea
        id="note-body"
        label="Nouvelle note interne"
        hint="Visible des seuls instructeurs et administrateurs de l'ANS, jamais de l'éditeur. Texte simple, 5 000 caractères au plus."
        required
        rows={3}
        error={formState.errors.body?.message}
        {...register("body")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enregistrement…" : "Ajouter la note interne"}
      </Button>
    </form>
  );
}

export type InsertableTemplate = { id: string; title: string; text: string };

/**
 * Picks a message template, filled in for the dossier, and puts its text in the field (to edit before sending). The
 * select is uncontrolled and read when inserting: a choice made while the page was still loading is kept.
 */
export function TemplatePicker({ id, templates, onInsert }: { id: string; templates: InsertableTemplate[]; onInsert: (text: string) => void }) {
  const picker = useRef<HTMLSelectElement>(null);
  if (templates.length === 0) return null;
  return (
    <div className="flex flex-wrap items-end gap-4">
      <Select ref={picker} id={`${id}-modele`} name={`${id}-modele`} label="Modèle de message" hint="Le texte du modèle remplace celui du champ ; vous pouvez ensuite le modifier." defaultValue={templates[0]?.id}>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </Select>
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          const template = templates.find((t) => t.id === picker.current?.value);
          if (template) onInsert(template.text);
        }}
      >
        Insérer le modèle
      </Button>
    </div>
  );
}
