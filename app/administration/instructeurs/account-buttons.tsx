"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import { setAccountActiveAction, setAccountAdminAction } from "./actions";
import { ofWord } from "@/lib/vocabulary";

/** Disable/enable and grant/remove the admin role of one account, each after a confirmation. */
export function AccountButtons({ userId, name, active, admin, self }: { userId: string; name: string; active: boolean; admin: boolean; self: boolean }) {
  const notify = useNotify();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = (question: string, done: string, act: () => Promise<{ ok: true } | { ok: false; formError?: string }>) => {
    if (!window.confirm(question)) return;
    startTransition(async () => {
      setError(undefined);
      const result = await act();
      if (result.ok) notify(done);
      else setError(result.formError);
    });
  };
  if (self) return <span className="text-sm text-grey-800">Votre compte</span>;
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(
            active ? `Désactiver le compte ${ofWord(name)} ?` : `Réactiver le compte ${ofWord(name)} ?`,
            active ? `Le compte ${ofWord(name)} est désactivé.` : `Le compte ${ofWord(name)} est réactivé.`,
            () => setAccountActiveAction(userId, !active),
          )
        }
      >
        {active ? "Désactiver" : "Réactiver"}
        <span className="sr-only"> le compte de {name}</span>
      </Button>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(
            admin ? `Retirer le rôle d'administrateur ${ofWord(name)} ?` : `Nommer ${name} administrateur ?`,
            admin ? `${name} n'est plus administrateur.` : `${name} est administrateur.`,
            () => setAccountAdminAction(userId, !admin),
          )
        }
      >
        {admin ? "Retirer le rôle d'administrateur" : "Nommer administrateur"}
        <span className="sr-only"> ({name})</span>
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm font-semibold text-error">
          {error}
        </p>
      )}
    </div>
  );
}
