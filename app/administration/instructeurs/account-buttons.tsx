"use client";

import { useState } from "react";
import { useServerAction } from "@/components/forms/use-server-action";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import { ofWord } from "@/lib/vocabulary";
import { TextField } from "@/components/ui/TextField";
import { resetAnsPasswordAction, resetSecondFactorsAction, setAccountActiveAction, setAccountAdminAction } from "./actions";

type Act = () => ReturnType<typeof setAccountActiveAction>;

/** One act on an account, after a confirmation; the outcome is announced in the page's notice area. */
function ConfirmedButton({ label, hidden, question, done, act }: { label: string; hidden: string; question: string; done: string; act: Act }) {
  const notify = useNotify();
  const { formError, pending, submit } = useServerAction<void>(async () => {
    const result = await act();
    if (result.ok) notify(done);
    return result.ok ? undefined : result;
  });
  return (
    <>
      <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => window.confirm(question) && submit()}>
        {label}
        <span className="sr-only">{hidden}</span>
      </Button>
      {formError && (
        <p role="alert" className="w-full text-sm font-semibold text-error">
          {formError}
        </p>
      )}
    </>
  );
}

/** A new one-time password, shown once under the button (the administrator hands it over another way). */
function ResetPasswordButton({ userId, name }: { userId: string; name: string }) {
  const [shown, setShown] = useState<string>();
  const { formError, pending, submit } = useServerAction<void>(async () => {
    const result = await resetAnsPasswordAction(userId);
    if (result.ok && "oneTimePassword" in result) setShown(result.oneTimePassword);
    return result.ok ? undefined : result;
  });
  return (
    <>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => window.confirm(`Réinitialiser le mot de passe ${ofWord(name)} ? Ses sessions seront fermées.`) && submit()}
      >
        Réinitialiser le mot de passe<span className="sr-only"> de {name}</span>
      </Button>
      <div role="status" aria-live="polite" className="w-full empty:hidden">
        {shown ? (
          <p className="text-sm">
            Nouveau mot de passe à usage unique {ofWord(name)}, affiché une seule fois :{" "}
            <code className="font-mono font-bold" data-testid="mot-de-passe-reinitialise">
              {shown}
            </code>
          </p>
        ) : null}
      </div>
      {formError && (
        <p role="alert" className="w-full text-sm font-semibold text-error">
          {formError}
        </p>
      )}
    </>
  );
}

/** A lost phone: the reason, then the reset of the person's second factors (issue 19). */
function ResetSecondFactorsForm({ userId, name }: { userId: string; name: string }) {
  const notify = useNotify();
  const [reason, setReason] = useState("");
  const { formError, pending, submit } = useServerAction<void>(async () => {
    const result = await resetSecondFactorsAction(userId, { reason });
    if (result.ok) {
      notify(result.message);
      setReason("");
    }
    return result.ok ? undefined : result;
  });
  return (
    <details className="w-full">
      <summary className="cursor-pointer text-sm font-semibold">
        Réinitialiser les seconds facteurs<span className="sr-only"> de {name}</span>
      </summary>
      <form
        className="mt-2 space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField id={`reset-2fa-${userId}`} name="reason" label={`Motif (communiqué à ${name})`} required value={reason} onChange={(e) => setReason(e.target.value)} error={formError} />
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          Réinitialiser<span className="sr-only"> les seconds facteurs de {name}</span>
        </Button>
      </form>
    </details>
  );
}

/** Disable/enable, grant/remove the admin role, and reset the password of one account, each after a confirmation. */
export function AccountButtons({ userId, name, active, admin, self }: { userId: string; name: string; active: boolean; admin: boolean; self: boolean }) {
  if (self) return <span className="text-sm text-grey-800">Votre compte</span>;
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmedButton
        label={active ? "Désactiver" : "Réactiver"}
        hidden={` le compte de ${name}`}
        question={active ? `Désactiver le compte ${ofWord(name)} ?` : `Réactiver le compte ${ofWord(name)} ?`}
        done={active ? `Le compte ${ofWord(name)} est désactivé.` : `Le compte ${ofWord(name)} est réactivé.`}
        act={() => setAccountActiveAction(userId, !active)}
      />
      <ConfirmedButton
        label={admin ? "Retirer le rôle d'administrateur" : "Nommer administrateur"}
        hidden={` (${name})`}
        question={admin ? `Retirer le rôle d'administrateur ${ofWord(name)} ?` : `Nommer ${name} administrateur ?`}
        done={admin ? `${name} n'est plus administrateur.` : `${name} est administrateur.`}
        act={() => setAccountAdminAction(userId, !admin)}
      />
      {active ? <ResetPasswordButton userId={userId} name={name} /> : null}
      {active ? <ResetSecondFactorsForm userId={userId} name={name} /> : null}
    </div>
  );
}
