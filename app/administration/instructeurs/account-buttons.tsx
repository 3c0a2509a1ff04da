"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import { setAccountActiveAction, setAccountAdminAction } from "./actions";

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
            active ? `Désactiver le compte de ${name} ?` : `Réactiver le compte de ${name} ?`,
            active ? `Le compte de ${name} est désactivé.` : `Le compte de ${name} est réactivé.`,
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
            admin ? `Retirer le rôle d'administrateur de ${name} ?` : `Nommer ${name} administrateur ?`,
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
