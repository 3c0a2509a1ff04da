import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Créer un compte éditeur" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading
        title="Créer un compte éditeur"
        lead="Ce compte permet à l'équipe d'un éditeur de logiciel de préparer le dossier d'adhésion de son service numérique à l'espace de confiance du ROR. Tous les champs sont obligatoires sauf mention contraire."
      />
      <SignUpForm />
      <p className="mt-8">
        Vous avez déjà un compte ?{" "}
        <Link href="/connexion" className="text-primary underline">
          Se connecter
        </Link>
      </p>
    </div>
  );
}
