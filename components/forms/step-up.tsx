"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import type { FormResult } from "@/lib/form-result";

type Confirm = () => Promise<boolean>;
const StepUpContext = createContext<Confirm | null>(null);

/** The step-up of this page: opens the code dialog, resolves true once the code was accepted, false if cancelled. */
export function useStepUp(): Confirm | null {
  return useContext(StepUpContext);
}

type Verify = (values: { code: string }) => Promise<FormResult | { ok: true } | undefined | void>;
type UsePasskey = () => Promise<FormResult | { ok: true } | undefined | void>;

/**
 * One dialog for the whole portal (issue 19): a sensitive act refused for want of a fresh check asks here for a code,
 * or a passkey (ADR 0060) when `passkey` is given, then the act's own form re-submits what was typed. `offerCode`
 * false: the account has no authenticator app, only passkeys.
 */
export function StepUpProvider({ verify, passkey, offerCode = true, children }: { verify: Verify; passkey?: UsePasskey; offerCode?: boolean; children: React.ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const confirm = useCallback<Confirm>(() => {
    setCode("");
    setError(undefined);
    dialog.current?.showModal();
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const settle = (confirmed: boolean) => {
    dialog.current?.close();
    resolver.current?.(confirmed);
    resolver.current = null;
  };

  useEffect(() => {
    const element = dialog.current;
    const onCancel = () => settle(false);
    element?.addEventListener("cancel", onCancel);
    return () => element?.removeEventListener("cancel", onCancel);
  });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return setError("Saisissez le code.");
    setPending(true);
    const result = await verify({ code });
    setPending(false);
    if (result && !result.ok) return setError(result.formError ?? Object.values(result.fieldErrors)[0] ?? "Code refusé.");
    settle(true);
  };

  const withPasskey = async () => {
    if (!passkey) return;
    setError(undefined);
    setPending(true);
    const result = await passkey();
    setPending(false);
    if (result && !result.ok) return setError(result.formError ?? Object.values(result.fieldErrors)[0] ?? "Clé d'accès refusée.");
    settle(true);
  };

  return (
    <StepUpContext.Provider value={confirm}>
      {children}
      <dialog ref={dialog} aria-labelledby="step-up-title" className="m-auto w-full max-w-md rounded border-2 border-grey-950 p-6 backdrop:bg-black/50">
        <form onSubmit={submit} noValidate className="space-y-4">
          <h2 id="step-up-title" className="text-xl font-bold">
            Confirmez votre identité
          </h2>
          <p>
            {offerCode && passkey
              ? "Cette action est sensible : utilisez une clé d'accès, ou saisissez un code de votre application d'authentification."
              : passkey
                ? "Cette action est sensible : utilisez une de vos clés d'accès."
                : "Cette action est sensible : saisissez un code de votre application d'authentification."}{" "}
            Ce que vous avez saisi dans la page est conservé.
          </p>
          {error ? (
            <Alert variant="error" title="Identité non confirmée" live>
              {error}
            </Alert>
          ) : null}
          {passkey ? (
            <Button type="button" variant={offerCode ? "secondary" : "primary"} disabled={pending} onClick={withPasskey}>
              Utiliser une clé d&apos;accès
            </Button>
          ) : null}
          {offerCode ? (
            <TextField id="step-up-code" name="code" label="Code de vérification" autoComplete="one-time-code" spellCheck={false} required value={code} onChange={(e) => setCode(e.target.value)} />
          ) : null}
          <div className="flex flex-wrap gap-3">
            {offerCode ? (
              <Button type="submit" disabled={pending}>
                {pending ? "Vérification…" : "Confirmer et continuer"}
              </Button>
            ) : null}
            <Button type="button" variant="secondary" onClick={() => settle(false)}>
              Annuler
            </Button>
          </div>
        </form>
      </dialog>
    </StepUpContext.Provider>
  );
}
