"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import type { ActionResult } from "../actions";
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
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const notify = useNotify();
  const errorId = useId();
  const run = () => {
    if (confirmation && !window.confirm(confirmation)) return;
    startTransition(async () => {
      setError(undefined);
      const result = await action();
      if (result.ok) notify(result.message);
      else setError(result.formError ?? Object.values(result.fieldErrors)[0] ?? "Action impossible.");
    });
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
