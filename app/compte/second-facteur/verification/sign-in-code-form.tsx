"use client";

import { verifySignInCodeAction } from "../actions";
import { CodeForm } from "../code-form";

export function SignInCodeForm({ returnTo }: { returnTo: string | null }) {
  return <CodeForm id="sign-in-code" submitLabel="Vérifier" refusedTitle="Le code n'est pas accepté" action={(values) => verifySignInCodeAction(values, returnTo)} />;
}
