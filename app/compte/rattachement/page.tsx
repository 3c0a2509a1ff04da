import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requireGatedAccount } from "@/lib/auth/session.server";
import { joinRequestsOf } from "@/lib/organizations/join-requests.server";
import { formatSiret } from "@/lib/organizations/formatting";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Demande de rattachement" };

const STATUS = {
  PENDING: { variant: "info", text: "En attente de la réponse de ses représentants légaux." },
  ACCEPTED: { variant: "success", text: "Acceptée." },
  REFUSED: { variant: "warning", text: "Refusée par ses représentants légaux." },
} as const;

/**
 * What an account made with the SIRET of an organisation that already had an account sees (issue 22): its join
 * requests and their answers. Who holds the organisation is never shown.
 */
export default async function JoinRequestPage() {
  const { actor } = await requireGatedAccount("join_request");
  const requests = await joinRequestsOf(actor.userId);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading
        title="Demande de rattachement"
        lead="L'organisation de ce SIRET a déjà un compte sur le portail : vous ne pouvez pas l'inscrire une seconde fois. Votre demande pour la rejoindre a été transmise à ses représentants légaux."
      />
      <div className="space-y-6">
        {requests.map((r) => (
          <Alert key={r.joinRequestId} variant={STATUS[r.status].variant} title={`${r.legalName} (SIRET ${formatSiret(r.siret)})`} titleAs="h2">
            <p>
              Demande du {formatDate(r.createdAt)} : {STATUS[r.status].text}
            </p>
          </Alert>
        ))}
        <p>Vous recevrez un courriel dès qu&apos;ils auront répondu.</p>
        <p>
          Vous êtes le représentant légal de cette société et pensez qu&apos;elle est détenue à tort sur le portail ? Sans réponse sous 15 jours, ou en
          cas de refus, écrivez à l&apos;ANS en joignant un extrait Kbis ou un avis de situation INSEE de moins de trois mois : elle vérifie et peut
          vous transférer l&apos;organisation.
        </p>
      </div>
    </div>
  );
}
