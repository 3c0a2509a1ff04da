import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/layout/PageHeading";
import { configuredProConnect } from "@/lib/auth/proconnect.server";
import { portalOrigin } from "@/lib/request.server";
import { safeReturnPath } from "@/lib/return-path";
import { ProConnectButton } from "./proconnect-button";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.retour, portalOrigin(await headers())) ?? undefined;
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <PageHeading title="Se connecter" lead="Accédez à votre espace éditeur ou à l'espace d'instruction de l'ANS." />
      {params.deconnecte && (
        <div className="mb-6">
          <Alert variant="success" title="Vous êtes déconnecté">
            Votre session a été fermée.
          </Alert>
        </div>
      )}
      {params["mot-de-passe"] === "modifie" && (
        <div className="mb-6">
          <Alert variant="success" title="Votre mot de passe est modifié">
            Toutes les sessions de votre compte ont été fermées. Connectez-vous avec votre nouveau mot de passe.
          </Alert>
        </div>
      )}
      {params.adresse === "confirmee" && (
        <div className="mb-6">
          <Alert variant="success" title="Votre adresse e-mail est confirmée">
            Connectez-vous pour continuer.
          </Alert>
        </div>
      )}
      {returnTo && (
        <div className="mb-6">
          <Alert variant="info" title="Connexion requise">
            Connectez-vous pour accéder à cette page.
          </Alert>
        </div>
      )}
      {configuredProConnect() && (
        <div className="mb-8 border-b border-grey-200 pb-8">
          <ProConnectButton returnTo={returnTo} />
        </div>
      )}
      <SignInForm returnTo={returnTo} />
      <p className="mt-4">
        <Link href="/mot-de-passe-oublie" className="text-primary underline">
          Mot de passe oublié ?
        </Link>
      </p>
      <p className="mt-8">
        Pas encore de compte ?{" "}
        <Link href="/inscription" className="text-primary underline">
          Créer un compte éditeur
        </Link>
      </p>
    </div>
  );
}
