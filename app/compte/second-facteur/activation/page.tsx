import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireGatedAccount } from "@/lib/auth/session.server";
import { portalOrigin } from "@/lib/request.server";
import { safeReturnPath } from "@/lib/return-path";
import { pendingTotpEnrolment } from "@/lib/second-factor/second-factor.server";
import { secondFactorRequired } from "@/lib/second-factor/policy";
import { groupedSecret } from "@/lib/second-factor/totp";
import { EnrolmentForm } from "../enrolment-form";
import { PasskeyEnrolment } from "./passkey-enrolment";

export const metadata: Metadata = { title: "Activez votre second facteur" };

// The secret is made on first view and kept until confirmed: never cached.
export const dynamic = "force-dynamic";

/** An ANS account, or a member of an organisation that requires it, without a second factor enrols first (issue 19). */
export default async function SecondFactorEnrolmentPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const { actor } = await requireGatedAccount("second_factor_enrolment");
  const params = await searchParams;
  const returnTo = safeReturnPath(params.retour, portalOrigin(await headers())) ?? "/espace";
  const pending = await pendingTotpEnrolment(actor);
  const why = secondFactorRequired(actor.roles)
    ? "Les comptes de l'ANS approuvent l'accès à des données de santé : un mot de passe ne suffit pas."
    : "Une de vos organisations exige un second facteur de chacun de ses membres.";
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <PageHeading
        title="Activez votre second facteur"
        lead={`Bonjour ${actor.name}. ${why} Activez une application d'authentification ou ajoutez une clé d'accès pour continuer.`}
      />
      <div className="space-y-10">
        <section aria-labelledby="avec-application">
          <h2 id="avec-application" className="mb-4 text-2xl font-bold">
            Avec une application d&apos;authentification
          </h2>
          {pending ? <EnrolmentForm qrSvg={pending.qrSvg} groupedSecret={groupedSecret(pending.secret)} continueTo={returnTo} /> : null}
        </section>
        <section aria-labelledby="avec-cle">
          <h2 id="avec-cle" className="mb-2 text-2xl font-bold">
            Ou avec une clé d&apos;accès
          </h2>
          <p className="mb-4">Une clé de sécurité USB ou NFC, ou le déverrouillage de votre téléphone ou de votre ordinateur.</p>
          <PasskeyEnrolment continueTo={returnTo} />
        </section>
      </div>
    </div>
  );
}
