import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireGatedAccount } from "@/lib/auth/session.server";
import { portalOrigin } from "@/lib/request.server";
import { safeReturnPath } from "@/lib/return-path";
import { PasskeySignIn } from "./passkey-sign-in";
import { SignInCodeForm } from "./sign-in-code-form";

export const metadata: Metadata = { title: "Code de vérification" };

/** The sign-in step after the password, for an account with a second factor: a code, or a passkey (issue 19, ADR 0060). */
export default async function SecondFactorCheckPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const { actor, secondFactors } = await requireGatedAccount("second_factor");
  const params = await searchParams;
  const returnTo = safeReturnPath(params.retour, portalOrigin(await headers())) ?? null;
  const lead = secondFactors.totp
    ? secondFactors.passkeys > 0
      ? "Pour finir de vous connecter, utilisez une clé d'accès ou saisissez le code de votre application d'authentification."
      : "Pour finir de vous connecter, saisissez le code de votre application d'authentification."
    : "Pour finir de vous connecter, utilisez une de vos clés d'accès.";
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading title="Code de vérification" lead={`Bonjour ${actor.name}. ${lead}`} />
      <div className="space-y-8">
        {secondFactors.passkeys > 0 ? (
          <section aria-labelledby="par-cle">
            <h2 id="par-cle" className="mb-4 text-xl font-bold">
              Avec une clé d&apos;accès
            </h2>
            <PasskeySignIn returnTo={returnTo} primary={!secondFactors.totp} />
          </section>
        ) : null}
        {secondFactors.totp ? (
          <section aria-labelledby="par-code">
            {secondFactors.passkeys > 0 ? (
              <h2 id="par-code" className="mb-4 text-xl font-bold">
                Avec un code
              </h2>
            ) : (
              <h2 id="par-code" className="sr-only">
                Avec un code
              </h2>
            )}
            <SignInCodeForm returnTo={returnTo} />
          </section>
        ) : null}
      </div>
      <p className="mt-8 text-grey-800">Plus aucun moyen de vous connecter (application, codes de secours, clés d&apos;accès) ? Un administrateur ANS peut réinitialiser vos seconds facteurs.</p>
    </div>
  );
}
