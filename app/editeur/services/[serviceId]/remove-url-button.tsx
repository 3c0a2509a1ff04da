"use client";

import { useId } from "react";
import { useServerAction } from "@/components/forms/use-server-action";
import { Button } from "@/components/ui/Button";
import { removeServiceUrlAction } from "../actions";
import { useNotify } from "@/components/ui/NoticeArea";
import { ActionError } from "@/components/ui/ActionError";

/** Removes one URL; the outcome is announced in the URL section, and focus goes back to the environment's heading. */
export function RemoveUrlButton({ urlId, url, headingId }: { urlId: string; url: string; headingId: string }) {
  const notify = useNotify();
  const errorId = useId();
  const { formError: error, pending, submit } = useServerAction(removeServiceUrlAction, {
    onSuccess: ({ message }) => {
      notify(message);
      document.getElementById(headingId)?.focus();
    },
  });
  const run = () => submit(urlId);

  return (
    <div className="flex flex-col items-start gap-2">
      <Button type="button" size="sm" variant="secondary" onClick={run} disabled={pending} aria-describedby={error ? errorId : undefined}>
        Retirer
        <span className="sr-only"> l&apos;URL {url}</span>
      </Button>
      <ActionError id={errorId} error={error} />
    </div>
  );
}
