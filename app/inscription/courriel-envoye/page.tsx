import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";

export const metadata: Metadata = { title: "Consultez votre messagerie", robots: { index: false, follow: false } };

// The one answer of a sign-up, whether the address was new or already had an account (ADR 0020): the page says
// nothing about which, and the mail does the rest.
export default function SignUpMailSentPage() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading title="Consultez votre messagerie" lead="Nous avons envoyé un courriel à l'adresse que vous avez indiquée." />
      <div className="space-y-6">
        <Alert variant="info" title="Pour activer votre compte">
          <p>Ouvrez le lien du courriel pour confirmer votre adresse : vous serez alors connecté à votre espace éditeur. Le lien est valable 24 heures et ne sert qu&apos;une fois.</p>
        </Alert>
        <p>
          Rien reçu après quelques minutes ? Vérifiez le dossier des indésirables et l&apos;orthographe de l&apos;adresse. Si vous aviez déjà un compte avec cette adresse,
          le courriel vous l&apos;indique : connectez-vous ou réinitialisez votre mot de passe.
        </p>
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/connexion" className="text-primary underline">
            Se connecter
          </Link>
          <Link href="/mot-de-passe-oublie" className="text-primary underline">
            Mot de passe oublié ?
          </Link>
        </p>
      </div>
    </div>
  );
}
