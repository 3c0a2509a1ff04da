"use client";

import { FormNotice } from "@/components/forms/FormNotice";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { resendVerificationAction } from "./actions";

export function ResendForm() {
  const { formError, notice, pending, submit } = useServerAction<void>(resendVerificationAction);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormNotice notice={notice} />
      {formError && (
        <Alert variant="error" title="Aucun lien n'a été envoyé" live>
          {formError}
        </Alert>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Envoi…" : "Renvoyer le lien de confirmation"}
      </Button>
    </form>
  );
}
