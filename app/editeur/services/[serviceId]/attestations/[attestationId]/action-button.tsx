"use client";

import { useId } from "react";
import { useServerAction } from "@/components/forms/use-server-action";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import type { ActionResult } from "@/lib/form-result";
import { ActionError } from "@/components/ui/ActionError";

/** One action on the attestation (send, resend, cancel…); the outcome is announced in the page's notice area. */
export function ActionButton({
  action,
  label,
  confirmation,
  variant = "primary",
}: {
  action: () => Promise<ActionResult>;
  label: string;
  confirmation?: string;
  variant?: "primary" | "secondary" | "tertiary";
}) {
  const notify = useNotify();
  const { formError: error, pending, submit } = useServerAction(action, { onSuccess: ({ message }) => notify(message) });
  const errorId = useId();
  const run = () => {
    if (confirmation && !window.confirm(confirmation)) return;
    submit(undefined);
  };
  return (
    <div className="flex flex-col items-start gap-2">
      <Button type="button" variant={variant} onClick={run} disabled={pending} aria-describedby={error ? errorId : undefined}>
        {pending ? "Un instant…" : label}
      </Button>
      <ActionError id={errorId} error={error} />
    </div>
  );
}
