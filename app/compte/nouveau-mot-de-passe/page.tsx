import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requireGatedAccount } from "@/lib/auth/session.server";
import { FirstPasswordForm } from "./first-password-form";

export const metadata: Metadata = { title: "Choisissez votre mot de passe" };

/** The first sign-in with a one-time password leads here, and nowhere else until it is replaced (ADR 0022). */
export default async function FirstPasswordPage() {
  const { actor } = await requireGatedAccount("change_password");
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading title="Choisissez votre mot de passe" lead={`Bonjour ${actor.name}. Vous vous êtes connecté avec un mot de passe à usage unique : remplacez-le par le vôtre pour continuer.`} />
      <div className="space-y-6">
        <Alert variant="warning" title="Le mot de passe à usage unique ne fonctionne plus">
          <p>Il a servi à ouvrir cette session. Si vous la quittez sans choisir votre mot de passe, demandez-en un nouveau à un administrateur, ou utilisez « Mot de passe oublié ? ».</p>
        </Alert>
        <FirstPasswordForm email={actor.email} name={actor.name} />
      </div>
    </div>
  );
}
