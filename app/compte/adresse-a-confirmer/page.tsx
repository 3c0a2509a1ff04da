import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requireGatedAccount } from "@/lib/auth/session.server";
import { ResendForm } from "./resend-form";

export const metadata: Metadata = { title: "Confirmez votre adresse e-mail" };

/** All that an account whose address is not confirmed sees once signed in (ADR 0020). */
export default async function AddressToConfirmPage() {
  const { actor } = await requireGatedAccount("verify_email");
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading title="Confirmez votre adresse e-mail" lead={`Votre compte sera activé dès que vous aurez confirmé l'adresse ${actor.email}.`} />
      <div className="space-y-6">
        <Alert variant="info" title="Ce qu'il vous reste à faire">
          <p>Ouvrez le lien du courriel « Confirmez votre adresse e-mail » que nous vous avons envoyé, puis cliquez sur « Confirmer mon adresse et me connecter ». Le lien est valable 24 heures.</p>
          <p>Vous ne le trouvez pas ? Vérifiez le dossier des indésirables, ou demandez un nouveau lien ci-dessous.</p>
        </Alert>
        <ResendForm />
        <p className="text-grey-800">
          Ce n&apos;est pas votre adresse ? Déconnectez-vous et créez un compte avec la bonne adresse ; celui-ci ne sera jamais activé.
        </p>
      </div>
    </div>
  );
}
