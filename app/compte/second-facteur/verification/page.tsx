import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireGatedAccount } from "@/lib/auth/session.server";
import { portalOrigin } from "@/lib/request.server";
import { safeReturnPath } from "@/lib/return-path";
import { SignInCodeForm } from "./sign-in-code-form";

export const metadata: Metadata = { title: "Code de vérification" };

/** The sign-in step after the password, for an account with a second factor (issue 19). */
export default async function SecondFactorCheckPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const { actor } = await requireGatedAccount("second_factor");
  const params = await searchParams;
  const returnTo = safeReturnPath(params.retour, portalOrigin(await headers())) ?? null;
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading title="Code de vérification" lead={`Bonjour ${actor.name}. Pour finir de vous connecter, saisissez le code de votre application d'authentification.`} />
      <SignInCodeForm returnTo={returnTo} />
      <p className="mt-8 text-grey-800">Application perdue et plus de code de secours ? Un administrateur ANS peut réinitialiser vos seconds facteurs.</p>
    </div>
  );
}
