"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { signInSchema, type SignInInput } from "@/lib/auth/sign-in-schema";

const UNREACHABLE = "Le portail ne répond pas. Vérifiez votre connexion et réessayez.";

type Answer = { ok: true; redirectTo: string } | { ok: false; formError?: string; fieldErrors: Record<string, string> };

export function SignInForm({ returnTo }: { returnTo?: string }) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, setFocus, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      let answer: Answer | null = null;
      try {
        const response = await fetch("/api/connexion", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...values, retour: returnTo }),
        });
        answer = (await response.json()) as Answer;
      } catch {
        answer = null;
      }
      if (answer?.ok) {
        // A full load, so that every server component renders with the new session.
        window.location.assign(answer.redirectTo);
        return;
      }
      setFormError(answer?.formError ?? (answer ? undefined : UNREACHABLE));
      if (answer) showFieldErrors(answer.fieldErrors, { setError, setFocus });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={formError ? "erreur-connexion" : undefined}>
      {formError && (
        <div id="erreur-connexion">
          <Alert variant="error" title="Connexion impossible" live>
            {formError}
          </Alert>
        </div>
      )}
      <TextField
        id="email"
        label="Adresse e-mail"
        type="email"
        autoComplete="email"
        required
        error={formState.errors.email?.message}
        {...register("email")}
      />
      <TextField
        id="password"
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        required
        error={formState.errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Connexion…" : "Se connecter"}
      </Button>
    </form>
  );
}
