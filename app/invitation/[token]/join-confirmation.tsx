"use client";

import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { joinAsSignedInUserAction } from "./actions";

export function JoinConfirmation({ token, organizationName }: { token: string; organizationName: string }) {
  const { formError, pending, submit } = useServerAction<string>(joinAsSignedInUserAction);
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
        <Alert variant="error" title="Vous n'avez pas rejoint l'organisation" live>
          {formError}
        </Alert>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Un instant…" : `Rejoindre ${organizationName}`}
      </Button>
    </form>
  );
}
