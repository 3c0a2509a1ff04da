"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import { MAX_CHARTER_BODY_LENGTH, publishCharterSchema, type PublishCharterInput } from "@/lib/catalogue/charter-schema";
import { publishCharterAction } from "./actions";

export function PublishCharterForm({ defaultTitle, defaultBody }: { defaultTitle: string; defaultBody: string }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<PublishCharterInput>({
    resolver: zodResolver(publishCharterSchema),
    defaultValues: { version: "", title: defaultTitle, body: defaultBody },
  });
  const errors = formState.errors;

  const { formError, pending, submit } = useServerAction(publishCharterAction, { form: { setError, setFocus } });
  const onSubmit = handleSubmit(submit);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {formError && (
        <Alert variant="error" title="La version n'a pas été publiée" live>
          {formError}
        </Alert>
      )}
      <TextField
        id="version"
        label="Numéro de version"
        hint="Des nombres séparés par des points, par exemple 0.2 ou 1.0. Un numéro ne sert qu'une fois."
        required
        error={errors.version?.message}
        {...register("version")}
      />
      <TextField id="title" label="Titre" required error={errors.title?.message} {...register("title")} />
      <TextArea
        id="body"
        label="Texte de la charte"
        hint={`Une ligne « ## Titre » ouvre une section (elle apparaît au sommaire), « ### Titre » une sous-section ; « - » commence un élément de liste, « 1. » un élément numéroté ; une ligne vide sépare les paragraphes ; **texte** met en gras. ${MAX_CHARTER_BODY_LENGTH.toLocaleString("fr-FR")} caractères au plus.`}
        rows={20}
        required
        textareaClassName="font-mono text-sm"
        error={errors.body?.message}
        {...register("body")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Publication…" : "Publier cette version"}
      </Button>
    </form>
  );
}
