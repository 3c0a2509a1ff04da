"use client";

import { useId } from "react";
import { useServerAction } from "@/components/forms/use-server-action";
import { Button } from "@/components/ui/Button";
import { resendMailAction } from "./actions";

export function ResendButton({ id, to }: { id: string; to: string }) {
  const { formError: error, pending, submit } = useServerAction(resendMailAction);
  const errorId = useId();
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        type="button"
        size="sm"
        disabled={pending}
        aria-describedby={error ? errorId : undefined}
        onClick={() => submit(id)}
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
