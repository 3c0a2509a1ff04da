"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { passkeyNameSchema } from "@/lib/second-factor/passkey-rules";
import { beginPasskeyRegistrationAction, finishPasskeyEnrolmentAction, finishPasskeyRegistrationAction } from "./actions";
import { createPasskey } from "./passkey-ceremony";

const schema = z.object({ name: passkeyNameSchema });
type Values = z.input<typeof schema>;

/** Names a new passkey, then lets the browser create it (a security key, the phone, the computer). */
/** `atGate`: the enrolment gate's page, which must not re-render before the person goes on. */
export function PasskeyRegistrationForm({ onAdded, atGate = false }: { onAdded: (message: string) => void; atGate?: boolean }) {
  const finish = atGate ? finishPasskeyEnrolmentAction : finishPasskeyRegistrationAction;
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<Values>({ resolver: zodResolver(schema) as unknown as Resolver<Values>, defaultValues: { name: "" } });
  const { formError, pending, submit } = useServerAction<Values, { ok: true; message: string }>(
    ({ name }) => createPasskey(beginPasskeyRegistrationAction, (response) => finish({ name, response })),
    {
      form: { setError, setFocus },
      onSuccess: ({ message }) => {
        reset();
        onAdded(message);
      },
    },
  );
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-md space-y-4">
      {formError ? (
        <Alert variant="error" title="La clé d'accès n'a pas été ajoutée" live>
          {formError}
        </Alert>
      ) : null}
      <TextField
        id="passkey-name"
        label="Nom de la clé d'accès"
        hint="Pour la reconnaître dans la liste : « Clé USB du bureau », « Téléphone »… (60 caractères au plus)."
        autoComplete="off"
        maxLength={60}
        required
        error={formState.errors.name?.message}
        {...register("name")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "En attente de la clé…" : "Ajouter une clé d'accès"}
      </Button>
    </form>
  );
}
