"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { joinAsSignedInUserAction } from "./actions";

export function JoinConfirmation({ token, organizationName }: { token: string; organizationName: string }) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          setFormError(undefined);
          const result = await joinAsSignedInUserAction(token);
          if (result) setFormError(result.formError ?? "Action impossible.");
        });
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
