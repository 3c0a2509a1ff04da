"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useServerAction } from "@/components/forms/use-server-action";
import { Button } from "@/components/ui/Button";
import type { ActionResult } from "@/lib/form-result";
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
  const [confirming, setConfirming] = useState(false);
  const notify = useNotify();
  const { formError: error, pending, submit } = useServerAction(action, { onSettled: () => setConfirming(false), onSuccess: ({ message }) => notify(message) });
  const errorId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const run = () => submit(undefined);

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
