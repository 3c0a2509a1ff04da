"use client";

import { useEffect, useRef, useState } from "react";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import { removeTotpFactorAction } from "./actions";

/** Removing the authenticator app: a second click confirms, since the recovery codes go with it. */
export function RemoveTotpFactor() {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The page's NoticeArea says it: this section gives way to the enrolment form once the page is refreshed.
  const notify = useNotify();
  const { formError, pending, submit } = useServerAction(() => removeTotpFactorAction(), {
    onSettled: () => setConfirming(false),
    onSuccess: ({ message }) => notify(message),
  });

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <div className="space-y-4">
      {formError ? (
        <Alert variant="error" title="L'application n'a pas été retirée" live>
          {formError}
        </Alert>
      ) : null}
      {confirming ? (
        <div className="flex flex-wrap gap-4">
          <Button type="button" ref={confirmRef} disabled={pending} onClick={() => submit(undefined)}>
            {pending ? "Retrait…" : "Confirmer le retrait de l'application"}
          </Button>
          <Button type="button" variant="tertiary" disabled={pending} onClick={() => setConfirming(false)}>
            Garder l&apos;application
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Retirer l&apos;application d&apos;authentification
        </Button>
      )}
    </div>
  );
}
