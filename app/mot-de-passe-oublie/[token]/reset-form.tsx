"use client";

import { SetPasswordForm } from "@/components/forms/SetPasswordForm";
import { resetPasswordAction } from "./actions";

export function ResetForm({ token, email }: { token: string; email: string }) {
  return (
    <SetPasswordForm
      action={(values) => resetPasswordAction(token, values)}
      email={email}
      userInputs={[email]}
      refusedTitle="Le mot de passe n'a pas été modifié"
      submitLabel="Enregistrer le nouveau mot de passe"
    />
  );
}
