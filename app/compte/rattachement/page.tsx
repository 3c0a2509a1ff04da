import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { requireGatedAccount } from "@/lib/auth/session.server";
import { joinRequestsOf } from "@/lib/organizations/join-requests.server";
import { formatSiret } from "@/lib/organizations/formatting";
import { formatDate } from "@/lib/time";
import { ClaimButton } from "./claim-button";
import { JoinRequestForm } from "./join-request-form";

export const metadata: Metadata = { title: "Demande de rattachement" };

const STATUS = {
  PENDING: { variant: "info", text: "En attente de la réponse de ses représentants légaux." },
  ACCEPTED: { variant: "success", text: "Acceptée." },
  REFUSED: { variant: "warning", text: "Refusée par ses représentants légaux." },
} as const;

/**
 * What an account made with the SIRET of an organisation that already had an account sees (issue 22): its join
 * requests and their answers, the way to send one to ANS (ADR 0057), and a request for another SIRET. Who holds
 * the organisation is never shown.
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
      <NoticeArea>
        <div className="space-y-6">
          {requests.map((r) => (
            <Alert key={r.joinRequestId} variant={STATUS[r.status].variant} title={`${r.legalName} (SIRET ${formatSiret(r.siret)})`} titleAs="h2">
              <p>
                Demande du {formatDate(r.createdAt)} : {STATUS[r.status].text}
              </p>
              {r.resolvedAt ? (
                <p>L&apos;ANS a statué le {formatDate(r.resolvedAt)} ; vous en avez été informé par courriel.</p>
              ) : r.escalatedAt ? (
                <p>Transmise à l&apos;ANS le {formatDate(r.escalatedAt)} : elle vérifie qui représente la société et vous informera de sa décision.</p>
              ) : r.status !== "ACCEPTED" ? (
                <ClaimButton joinRequestId={r.joinRequestId} organizationName={r.legalName} />
              ) : null}
            </Alert>
          ))}
          <p>Vous recevrez un courriel dès qu&apos;ils auront répondu.</p>
          <p>
            Vous êtes le représentant légal de cette société et pensez qu&apos;elle est détenue à tort sur le portail ? Saisissez l&apos;ANS avec le
            bouton de votre demande ; sans réponse sous 15 jours, elle lui est transmise d&apos;office. L&apos;ANS vous demandera un extrait Kbis ou un
            avis de situation INSEE de moins de trois mois et peut vous transférer l&apos;organisation.
          </p>
          <section aria-labelledby="autre-siret" className="border-t border-grey-200 pt-6">
            <h2 id="autre-siret" className="mb-4 text-xl font-bold">
              Rejoindre une autre organisation
            </h2>
            <JoinRequestForm />
          </section>
        </div>
      </NoticeArea>
    </div>
  );
}
