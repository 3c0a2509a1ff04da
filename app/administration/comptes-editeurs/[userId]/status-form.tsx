"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { DecisionPanel } from "@/components/forms/DecisionPanel";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { TextArea } from "@/components/ui/TextArea";
import { editorAccountStatusSchema } from "@/lib/accounts/account-schema";
import { setEditorAccountActiveAction } from "./actions";

type Values = { reason: string; confirm: boolean };

/** Disable (the person's sessions end at once) or re-enable, a reason each time, mailed to the person. */
export function EditorAccountStatusForm({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver: zodResolver(editorAccountStatusSchema) as unknown as Resolver<Values>,
    defaultValues: { reason: "", confirm: false },
  });
  const { formError, pending, submit } = useServerAction<Values>(
    (values) => setEditorAccountActiveAction(userId, !active, values),
    { form: { setError, setFocus } },
  );
  return (
    <DecisionPanel summary={active ? "Désactiver le compte" : "Réactiver le compte"} tone={active ? "danger" : "neutral"}>
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
        {formError && (
          <Alert variant="error" title={active ? "Le compte n'a pas été désactivé" : "Le compte n'a pas été réactivé"} live>
            {formError}
          </Alert>
        )}
        <TextArea
          id="reason"
          label={active ? "Motif de la désactivation" : "Motif de la réactivation"}
          hint={`Envoyé à ${name} par courriel : 5 à 500 caractères, sans < ni >.`}
          required
          rows={3}
          error={formState.errors.reason?.message}
          {...register("reason")}
        />
        <Checkbox
          id="confirm"
          label={active ? `Je confirme désactiver le compte de ${name} : ses sessions seront fermées et il ne pourra plus se connecter` : `Je confirme réactiver le compte de ${name}`}
          error={formState.errors.confirm?.message}
          {...register("confirm")}
        />
        <Button type="submit" variant={active ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Enregistrement…" : active ? "Désactiver le compte" : "Réactiver le compte"}
        </Button>
      </form>
    </DecisionPanel>
  );
}
