"use client";

import { useServerAction } from "@/components/forms/use-server-action";
import { ActionError } from "@/components/ui/ActionError";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import { useId } from "react";
import { claimLegalRepresentationAction } from "./actions";

/** Sends one join request to ANS: the requester says they are the company's real legal representative. */
export function ClaimButton({ joinRequestId, organizationName }: { joinRequestId: string; organizationName: string }) {
  const notify = useNotify();
  const errorId = useId();
  const { formError, pending, submit } = useServerAction(() => claimLegalRepresentationAction(joinRequestId), { onSuccess: ({ message }) => notify(message) });
  return (
    <div className="mt-3 flex flex-col items-start gap-2">
      <Button type="button" size="sm" variant="secondary" onClick={() => submit(undefined)} disabled={pending} aria-describedby={formError ? errorId : undefined}>
        {pending ? "Transmission…" : "Je suis le représentant légal : saisir l'ANS"}
        <span className="sr-only"> ({organizationName})</span>
      </Button>
      <ActionError id={errorId} error={formError} />
    </div>
  );
}
