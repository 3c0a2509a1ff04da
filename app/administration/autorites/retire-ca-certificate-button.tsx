"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useStepUp } from "@/components/forms/step-up";
import { Button } from "@/components/ui/Button";
import { retireCaCertificateAction } from "./actions";

/** "Retirer", then a confirmation step: the authority stays listed but is no longer trusted. */
export function RetireCaCertificateButton({ id, name, environmentName }: { id: string; name: string; environmentName: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const questionId = useId();
  const question = useRef<HTMLParagraphElement>(null);
  const retire = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  const stepUp = useStepUp();

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (returnFocus) retire.current?.focus();
  }, [confirming, returnFocus]);

  if (!confirming) {
    return (
      <Button ref={retire} type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        Retirer<span className="sr-only"> l&apos;autorité {name}</span>
      </Button>
    );
  }

  const confirm = () =>
    startTransition(async () => {
      setError(undefined);
      let result = await retireCaCertificateAction(id);
      // A sensitive act without a fresh second-factor check (issue 19): the portal's dialog asks for a code, then again.
      if (result && !result.ok && result.stepUp && stepUp && (await stepUp())) result = await retireCaCertificateAction(id);
      if (result) setError(result.formError ?? Object.values(result.fieldErrors)[0]);
    });

  return (
    <div role="group" aria-labelledby={questionId} className="w-64 space-y-3 border-l-4 border-warning bg-warning-light p-3">
      <p id={questionId} ref={question} tabIndex={-1} className="text-sm font-medium">
        Retirer « {name} » de {environmentName} ? Les certificats clients émis sous cette autorité ne seront plus
        reconnus. Elle restera listée.
      </p>
      {error ? (
        <p role="alert" className="text-sm font-medium text-error">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" disabled={pending} onClick={confirm}>
          {pending ? "Retrait…" : "Confirmer le retrait"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() => {
            setConfirming(false);
            setReturnFocus(true);
          }}
        >
          Annuler
        </Button>
      </div>
    </div>
  );
}
