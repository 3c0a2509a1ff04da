"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import { messageTemplateSchema, TEMPLATE_PLACEHOLDER_NAMES, TEMPLATE_TITLE_MAX_LENGTH } from "@/lib/review/message-templates";
import { createMessageTemplateAction, deleteMessageTemplateAction, updateMessageTemplateAction } from "./actions";

type Values = { title: string; body: string; version: string };

const schema = messageTemplateSchema.extend({ version: z.string() });

/** Writes a new template, or edits one at the version seen. */
export function TemplateForm(props: { mode: "create" } | { mode: "edit"; id: string; title: string; body: string; version: number }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    defaultValues: props.mode === "edit" ? { title: props.title, body: props.body, version: String(props.version) } : { title: "", body: "", version: "" },
  });
  const { formError, pending, submit } = useServerAction<Values>(
    (values) => (props.mode === "edit" ? updateMessageTemplateAction(props.id, values) : createMessageTemplateAction(values)),
    { form: { setError, setFocus } },
  );
  const placeholders = TEMPLATE_PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(", ");
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-3xl space-y-6">
      {formError && (
        <Alert variant="error" title="Le modèle n'a pas été enregistré" live>
          {formError}
        </Alert>
      )}
      <input type="hidden" {...register("version")} />
      <TextField id="title" label="Titre du modèle" hint={`Ce que les instructeurs choisissent dans la liste. ${TEMPLATE_TITLE_MAX_LENGTH} caractères au plus.`} required error={formState.errors.title?.message} {...register("title")} />
      <TextArea
        id="body"
        label="Texte du modèle"
        hint={`Texte simple, sans balise. Variables remplacées à l'insertion : ${placeholders}. 5 000 caractères au plus.`}
        required
        rows={10}
        error={formState.errors.body?.message}
        {...register("body")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : props.mode === "edit" ? "Enregistrer le modèle" : "Ajouter le modèle"}
      </Button>
    </form>
  );
}

/** Deletes a template at the version seen. */
export function DeleteTemplateButton({ id, version, title }: { id: string; version: number; title: string }) {
  const { formError, pending, submit } = useServerAction<void>(() => deleteMessageTemplateAction(id, { version: String(version) }));
  return (
    <div className="space-y-2">
      {formError && (
        <Alert variant="error" title="Le modèle n'a pas été supprimé" live>
          {formError}
        </Alert>
      )}
      <Button type="button" variant="secondary" disabled={pending} onClick={() => submit()}>
        {pending ? "Suppression…" : "Supprimer ce modèle"}
        <span className="sr-only"> : {title}</span>
      </Button>
    </div>
  );
}
