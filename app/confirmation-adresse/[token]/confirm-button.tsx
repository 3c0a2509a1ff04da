"use client";

import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { confirmEmailChangeAction, confirmSignUpAction } from "./actions";

/** One button: a link opened by a mail scanner changes nothing; the person's click does. */
export function ConfirmButton({ token, purpose }: { token: string; purpose: "VERIFY_EMAIL" | "CHANGE_EMAIL" }) {
  const { formError, pending, submit } = useServerAction<string>(purpose === "VERIFY_EMAIL" ? confirmSignUpAction : confirmEmailChangeAction);
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit(token);
      }}
    >
      {formError && (
        <Alert variant="error" title="L'adresse n'a pas été confirmée" live>
          {formError}
        </Alert>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Confirmation…" : purpose === "VERIFY_EMAIL" ? "Confirmer mon adresse et me connecter" : "Confirmer ma nouvelle adresse"}
      </Button>
    </form>
  );
}
