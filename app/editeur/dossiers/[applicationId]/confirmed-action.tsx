"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import type { ActionResult } from "@/lib/form-result";
import { submitApplicationAction, withdrawApplicationAction } from "../actions";

const versionOnly = z.object({ version: z.string() });
type VersionOnly = z.infer<typeof versionOnly>;

const ACTIONS: Record<"submit" | "withdraw", (applicationId: string, values: VersionOnly) => Promise<ActionResult>> = {
  submit: submitApplicationAction,
  withdraw: withdrawApplicationAction,
};

/**
 * A dossier action that needs a confirmation (submit, withdraw): a first button asks, a second one confirms. The
 * version the person saw travels in a hidden field, so a dossier changed meanwhile is refused, not overwritten.
 */
export function ConfirmedAction({
  kind,
  applicationId,
  version,
  label,
  question,
  confirmLabel,
  refusedTitle,
  variant = "primary",
}: {
  kind: "submit" | "withdraw";
  applicationId: string;
  version: number;
  label: string;
  question: string;
  confirmLabel: string;
  refusedTitle: string;
  variant?: "primary" | "secondary";
}) {
  const [confirming, setConfirming] = useState(false);
  const notify = useNotify();
  const { formError, pending, submit } = useServerAction((values: VersionOnly) => ACTIONS[kind](applicationId, values), {
    onSettled: () => setConfirming(false),
    onSuccess: ({ message }) => notify(message),
  });
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const { register, handleSubmit, reset } = useForm<VersionOnly>({ resolver: zodResolver(versionOnly), defaultValues: { version: String(version) } });

  // After a refresh of the page the dossier has a new version: the hidden field follows it.
  useEffect(() => reset({ version: String(version) }), [reset, version]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const onSubmit = handleSubmit(submit);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? (
        <Alert variant="error" title={refusedTitle} live>
          {formError}
        </Alert>
      ) : null}
      <input type="hidden" {...register("version")} />
      {confirming ? (
        <div className="space-y-3">
          <p id={questionId} className="font-medium">
            {question}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button ref={confirmRef} type="submit" variant={variant} disabled={pending} aria-describedby={questionId}>
              {pending ? "Un instant…" : confirmLabel}
            </Button>
            <Button
              type="button"
              variant="tertiary"
              disabled={pending}
              onClick={() => {
                setConfirming(false);
                setTimeout(() => askRef.current?.focus(), 0);
              }}
            >
              Annuler
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={askRef} type="button" variant={variant} onClick={() => setConfirming(true)}>
          {label}
        </Button>
      )}
    </form>
  );
}
