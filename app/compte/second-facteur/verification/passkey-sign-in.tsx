"use client";

import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { beginPasskeyCheckAction, verifyPasskeySignInAction } from "../actions";
import { checkPasskey } from "../passkey-ceremony";

/** The sign-in step by passkey, beside (or instead of) the code; on success the action sends the browser on. */
export function PasskeySignIn({ returnTo, primary }: { returnTo: string | null; primary: boolean }) {
  const { formError, pending, submit } = useServerAction<void>(() =>
    checkPasskey(
      () => beginPasskeyCheckAction("sign_in"),
      (response) => verifyPasskeySignInAction(response, returnTo),
    ),
  );
  return (
    <div className="max-w-md space-y-4">
      {formError ? (
        <Alert variant="error" title="La clé d'accès n'est pas acceptée" live>
          {formError}
        </Alert>
      ) : null}
      <Button type="button" variant={primary ? "primary" : "secondary"} disabled={pending} onClick={() => submit()}>
        {pending ? "En attente de la clé…" : "Utiliser une clé d'accès"}
      </Button>
    </div>
  );
}
