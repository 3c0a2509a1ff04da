"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { QUOTA_RANGE_MESSAGE } from "@/lib/whitelist/quotas";
import { updateLevel1QuotaAction } from "./actions";

type Values = { perApiPerSecond: string; version: string };
const schema = z.object({
  perApiPerSecond: z.string().regex(/^\s*\d{1,4}\s*$/, QUOTA_RANGE_MESSAGE).refine((v) => Number(v) >= 1 && Number(v) <= 1000, QUOTA_RANGE_MESSAGE),
  version: z.string(),
});

export function Level1Form({ perApiPerSecond, version }: { perApiPerSecond: number; version: number }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    defaultValues: { perApiPerSecond: String(perApiPerSecond), version: String(version) },
  });
  const { formError, pending, submit } = useServerAction(updateLevel1QuotaAction, { form: { setError, setFocus } });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-xl space-y-4">
      {formError && (
        <Alert variant="error" title="Le quota n'a pas été modifié" live>
          {formError}
        </Alert>
      )}
      <input type="hidden" {...register("version")} />
      <TextField id="level1" label="Appels par seconde sur chaque API du ROR, tous appelants confondus" hint="Nombre entier entre 1 et 1000." inputMode="numeric" required error={formState.errors.perApiPerSecond?.message} {...register("perApiPerSecond")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer le quota"}
      </Button>
    </form>
  );
}
