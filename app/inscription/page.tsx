import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/layout/PageHeading";
import { proConnectDisplayName } from "@/lib/auth/proconnect";
import { pendingProConnect, PROCONNECT_COOKIE } from "@/lib/auth/proconnect.server";
import { SignUpForm, type SignUpPrefill } from "./sign-up-form";

export const metadata: Metadata = { title: "Créer un compte éditeur" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Prefilled from a ProConnect first sign-in with no account (ADR 0044): the organisation is still required.
  const pending = params.proconnect ? await pendingProConnect((await cookies()).get(PROCONNECT_COOKIE)?.value) : null;
  const prefill: SignUpPrefill | undefined = pending
    ? { name: proConnectDisplayName(pending.claims), email: pending.claims.email, siret: pending.claims.siret ?? "" }
    : undefined;
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading
        title="Créer un compte éditeur"
        lead="Ce compte permet à l'équipe d'un éditeur de logiciel de préparer le dossier d'adhésion de son service numérique à l'espace de confiance du ROR. Tous les champs sont obligatoires sauf mention contraire."
      />
      {pending && (
        <div className="mb-6">
          <Alert variant="info" title="Première connexion avec ProConnect">
            Aucun compte du portail n&apos;utilise l&apos;adresse {pending.claims.email}. Complétez ce formulaire, prérempli avec ce que
            ProConnect a transmis : votre compte sera lié à ProConnect.
          </Alert>
        </div>
      )}
      <SignUpForm prefill={prefill} />
      <p className="mt-8">
        Vous avez déjà un compte ?{" "}
        <Link href="/connexion" className="text-primary underline">
          Se connecter
        </Link>
      </p>
    </div>
  );
}
