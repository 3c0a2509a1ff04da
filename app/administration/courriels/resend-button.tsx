"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { resendMailAction } from "./actions";

export function ResendButton({ id, to }: { id: string; to: string }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const errorId = useId();
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        type="button"
        size="sm"
        disabled={pending}
        aria-describedby={error ? errorId : undefined}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            const result = await resendMailAction(id);
            if (result && !result.ok) setError(result.formError ?? Object.values(result.fieldErrors)[0] ?? "Renvoi impossible.");
          })
        }
      >
        {pending ? "Renvoi…" : "Renvoyer"}
        <span className="sr-only"> le courriel à {to}</span>
      </Button>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
