import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { PROCONNECT_FAILURE_MESSAGES, type ProConnectFailure } from "@/lib/auth/proconnect";
import { pendingProConnect, PROCONNECT_COOKIE } from "@/lib/auth/proconnect.server";
import { LinkProConnectForm } from "./link-form";

export const metadata: Metadata = { title: "Connexion avec ProConnect", robots: { index: false, follow: false } };

function failureOf(value: unknown): ProConnectFailure | null {
  return typeof value === "string" && Object.hasOwn(PROCONNECT_FAILURE_MESSAGES, value) ? (value as ProConnectFailure) : null;
}

function Back() {
  return (
    <p className="mt-8 flex flex-wrap gap-x-6 gap-y-2">
      <Link href="/connexion" className="text-primary underline">
        Retour à la page de connexion
      </Link>
      <Link href="/mot-de-passe-oublie" className="text-primary underline">
        Mot de passe oublié ?
      </Link>
    </p>
  );
}

/** After the provider: a refusal explained, or a first sign-in whose address has an account (ADR 0044). */
export default async function ProConnectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const failure = failureOf(params.erreur);
  if (failure || params.erreur !== undefined) {
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <PageHeading title="Connexion avec ProConnect impossible" />
        <Alert variant="error" title="Vous n'êtes pas connecté">
          {PROCONNECT_FAILURE_MESSAGES[failure ?? "provider_error"]}
        </Alert>
        <Back />
      </div>
    );
  }
  const pending = await pendingProConnect((await cookies()).get(PROCONNECT_COOKIE)?.value);
  if (!pending) {
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <PageHeading title="Connexion avec ProConnect" />
        <Alert variant="info" title="Aucune connexion en cours">
          {PROCONNECT_FAILURE_MESSAGES.unknown_attempt}
        </Alert>
        <Back />
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <PageHeading
        title="Lier votre compte à ProConnect"
        lead={`Un compte du portail utilise déjà l'adresse ${pending.claims.email}. Pour le lier à votre identité ProConnect, confirmez qu'il est à vous avec son mot de passe. Ensuite, ProConnect suffira pour vous connecter.`}
      />
      <LinkProConnectForm />
      <Back />
    </div>
  );
}
