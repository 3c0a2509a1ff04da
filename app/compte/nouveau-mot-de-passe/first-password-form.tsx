"use client";

import { SetPasswordForm } from "@/components/forms/SetPasswordForm";
import { setFirstPasswordAction } from "./actions";

export function FirstPasswordForm({ email, name }: { email: string; name: string }) {
  return (
    <SetPasswordForm
      action={setFirstPasswordAction}
      email={email}
      userInputs={[name, email]}
      refusedTitle="Le mot de passe n'a pas été enregistré"
      submitLabel="Enregistrer mon mot de passe"
    />
  );
}
