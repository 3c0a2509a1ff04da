"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import { TextArea } from "@/components/ui/TextArea";
import { MESSAGE_MAX_LENGTH, reviewText } from "@/lib/message-text";
import { postEditorMessageAction } from "../actions";

const messageSchema = z.object({ body: reviewText() });
type MessageInput = z.input<typeof messageSchema>;

/** The editor's reply in the dossier's thread; the reviewers are told by e-mail. */
export function MessageForm({ applicationId }: { applicationId: string }) {
  const notify = useNotify();
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<MessageInput, unknown, z.output<typeof messageSchema>>({
    resolver: zodResolver(messageSchema),
    defaultValues: { body: "" },
  });

  const { formError, pending, submit } = useServerAction(({ body }: { body: string }) => postEditorMessageAction(applicationId, { body }), {
    form: { setError, setFocus },
    onSuccess: ({ message }) => {
      reset({ body: "" });
      notify(message);
    },
  });
  const onSubmit = handleSubmit(submit);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? (
        <Alert variant="error" title="Le message n'a pas été envoyé" live>
          {formError}
        </Alert>
      ) : null}
      <TextArea
        id="message-body"
        label="Votre message à l'instructeur"
        hint={`Texte simple, ${MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères au plus. L'instructeur est prévenu par courriel.`}
        rows={5}
        required
        error={formState.errors.body?.message}
        {...register("body")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer le message"}
      </Button>
    </form>
  );
}
