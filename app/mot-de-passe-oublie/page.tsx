import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { RecoveryForm } from "./recovery-form";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function PasswordRecoveryPage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <PageHeading title="Mot de passe oublié" lead="Indiquez l'adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe." />
      <RecoveryForm />
      <p className="mt-8">
        <Link href="/connexion" className="text-primary underline">
          Retour à la connexion
        </Link>
      </p>
    </div>
  );
}
