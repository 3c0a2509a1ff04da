import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { unusableAccountLinkMessages } from "@/lib/auth/account-link";
import { recoveryLinkView } from "@/lib/accounts/password-recovery.server";
import { formatDateTime } from "@/lib/time";
import { ResetForm } from "./reset-form";

// The token is a credential: never sent on to another site, never indexed.
export const metadata: Metadata = { title: "Nouveau mot de passe", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await recoveryLinkView(token);
  if (link.state !== "usable") {
    const message = unusableAccountLinkMessages.RESET_PASSWORD[link.state];
    return (
      <div className="mx-auto max-w-2xl px-4 py-10">
        <PageHeading title={message.title} lead={message.text} />
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/mot-de-passe-oublie" className="text-primary underline">
            Demander un nouveau lien
          </Link>
          <Link href="/connexion" className="text-primary underline">
            Se connecter
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <PageHeading title="Choisissez un nouveau mot de passe" lead={`Pour le compte ${link.email}. Toutes les sessions ouvertes avec ce compte seront fermées.`} />
      <p className="mb-6 text-grey-800">Ce lien ne sert qu&apos;une fois ; il est valable jusqu&apos;au {formatDateTime(link.expiresAt)}.</p>
      <ResetForm token={token} email={link.email} />
    </div>
  );
}
