"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import type { ActionResult } from "./actions";
import { useNotify } from "@/components/ui/NoticeArea";
import { ActionError } from "@/components/ui/ActionError";

export type RowActionProps = {
  label: string;
  /** Read after the label by screen readers, e.g. the member's name, so that every button's name is unique. */
  target: string;
  action: () => Promise<ActionResult>;
  /** A second click, on a button saying this, confirms an action that cannot be undone. */
  confirmLabel?: string;
};

/** One button of a table row that runs a server action; its refusal is shown (and announced) next to it. */
export function RowAction({ label, target, action, confirmLabel }: RowActionProps) {
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const notify = useNotify();
  const errorId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const run = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await action();
      setConfirming(false);
      if (result.ok) notify(result.message);
      else setError(result.formError ?? Object.values(result.fieldErrors)[0] ?? "Action impossible.");
    });

  return (
    <div className="flex flex-col items-start gap-2">
      {confirming && confirmLabel ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" ref={confirmRef} onClick={run} disabled={pending} aria-describedby={error ? errorId : undefined}>
            {confirmLabel}
            <span className="sr-only"> : {target}</span>
          </Button>
          <Button type="button" size="sm" variant="tertiary" onClick={() => setConfirming(false)} disabled={pending}>
            Ne pas {label.charAt(0).toLowerCase() + label.slice(1)}
            <span className="sr-only"> : {target}</span>
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={confirmLabel ? () => setConfirming(true) : run}
          disabled={pending}
          aria-describedby={error ? errorId : undefined}
        >
          {label}
          <span className="sr-only"> : {target}</span>
        </Button>
      )}
      <ActionError id={errorId} error={error} />
    </div>
  );
}
