"use client";

import { useEffect, useRef, useState } from "react";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import { removePasskeyAction } from "./actions";
import { PasskeyRegistrationForm } from "./passkey-registration-form";

export type PasskeyRow = { id: string; name: string; added: string; lastUsed: string | null };

/** The account's passkeys, each removable unless it is the last factor the account must keep, and the form to add one. */
export function PasskeyList({ passkeys, lastKept }: { passkeys: PasskeyRow[]; lastKept: string | null }) {
  const notify = useNotify();
  return (
    <div className="space-y-6">
      {passkeys.length > 0 ? (
        <ul className="divide-y divide-grey-200 border-y border-grey-200" aria-label="Vos clés d'accès">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex flex-wrap items-start justify-between gap-4 py-4">
              <div>
                <p className="font-bold">{passkey.name}</p>
                <p className="text-grey-800">
                  Ajoutée le {passkey.added} · {passkey.lastUsed ? `dernière utilisation le ${passkey.lastUsed}` : "jamais utilisée"}
                </p>
              </div>
              {lastKept ? null : <RemovePasskey passkey={passkey} onRemoved={notify} />}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune clé d&apos;accès enregistrée.</p>
      )}
      {lastKept && passkeys.length > 0 ? <p>{lastKept}</p> : null}
      <PasskeyRegistrationForm onAdded={notify} />
    </div>
  );
}

/** A second click confirms: the key stops working for this account at once. */
function RemovePasskey({ passkey, onRemoved }: { passkey: PasskeyRow; onRemoved: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const { formError, pending, submit } = useServerAction(() => removePasskeyAction({ passkeyId: passkey.id }), {
    onSettled: () => setConfirming(false),
    onSuccess: ({ message }) => onRemoved(message),
  });
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  return (
    <div className="space-y-2">
      {formError ? (
        <Alert variant="error" title="La clé d'accès n'a pas été retirée" live>
          {formError}
        </Alert>
      ) : null}
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" ref={confirmRef} disabled={pending} onClick={() => submit(undefined)}>
            {pending ? "Retrait…" : `Confirmer le retrait de « ${passkey.name} »`}
          </Button>
          <Button type="button" variant="tertiary" disabled={pending} onClick={() => setConfirming(false)}>
            Garder la clé
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" aria-label={`Retirer la clé d'accès « ${passkey.name} »`} onClick={() => setConfirming(true)}>
          Retirer
        </Button>
      )}
    </div>
  );
}
