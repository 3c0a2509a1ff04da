import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { unusableAccountLinkMessages } from "@/lib/auth/account-link";
import { viewAccountLink } from "@/lib/auth/account-links.server";
import { formatDateTime } from "@/lib/time";
import { ConfirmButton } from "./confirm-button";

// The token is a credential: never sent on to another site, never indexed.
export const metadata: Metadata = { title: "Confirmation de l'adresse e-mail", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ConfirmAddressPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await viewAccountLink(token, ["VERIFY_EMAIL", "CHANGE_EMAIL"]);
  if (link.state !== "usable") {
    const message = unusableAccountLinkMessages[link.purpose ?? "VERIFY_EMAIL"][link.state];
    return (
      <div className="mx-auto max-w-2xl px-4 py-10">
        <PageHeading title={message.title} lead={message.text} />
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/connexion" className="text-primary underline">
            Se connecter
          </Link>
          <Link href="/" className="text-primary underline">
            Page d&apos;accueil
          </Link>
        </p>
      </div>
    );
  }
  const signUp = link.purpose === "VERIFY_EMAIL";
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading
        title={signUp ? "Confirmez votre adresse e-mail" : "Confirmez votre nouvelle adresse e-mail"}
        lead={
          signUp
            ? `Confirmez l'adresse ${link.email} pour activer votre compte : vous serez connecté à votre espace éditeur.`
            : `Votre compte utilisera l'adresse ${link.email} pour se connecter et recevoir les courriels du portail.`
        }
      />
      <p className="mb-6 text-grey-800">Ce lien ne sert qu&apos;une fois ; il est valable jusqu&apos;au {formatDateTime(link.expiresAt)}.</p>
      <ConfirmButton token={token} purpose={signUp ? "VERIFY_EMAIL" : "CHANGE_EMAIL"} />
    </div>
  );
}
