"use client";

import { useState } from "react";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { regenerateRecoveryCodesAction } from "./actions";
import { RecoveryCodesList } from "./recovery-codes-list";

export function RegenerateRecoveryCodes() {
  const [codes, setCodes] = useState<string[] | null>(null);
  const { formError, pending, submit } = useServerAction<void, { ok: true; recoveryCodes: string[] }>(() => regenerateRecoveryCodesAction(), {
    onSuccess: (result) => setCodes(result.recoveryCodes),
  });
  return (
    <div className="space-y-4">
      {formError ? (
        <Alert variant="error" title="Les codes n'ont pas été régénérés" live>
          {formError}
        </Alert>
      ) : null}
      {codes ? <RecoveryCodesList codes={codes} /> : null}
      <Button type="button" variant="secondary" disabled={pending} onClick={() => submit()}>
        {pending ? "Génération…" : "Générer de nouveaux codes de secours"}
      </Button>
    </div>
  );
}
