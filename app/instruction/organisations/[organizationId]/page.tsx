import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { EvidenceList } from "@/components/organizations/EvidenceList";
import { OrganizationStatusBadge } from "@/components/organizations/OrganizationStatusBadge";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatSiret } from "@/lib/organizations/formatting";
import { organizationReview } from "@/lib/organizations/review.server";
import { formatDate, formatDateTime } from "@/lib/time";
import { OrganizationDecisionForm } from "./decision-forms";

export const metadata: Metadata = { title: "Organisation" };

const NOTICES: Record<string, string> = {
  verifiee: "L'organisation est vérifiée ; ses membres en sont informés par courriel et peuvent déposer leurs dossiers.",
  refusee: "La vérification est refusée ; ses membres en sont informés par courriel.",
  suspendue: "L'organisation est suspendue : ses habilitations ne figurent plus dans la liste blanche et ses membres sont déconnectés.",
  retablie: "L'organisation est rétablie : ses habilitations actives figurent de nouveau dans la liste blanche.",
};

export default async function OrganizationReviewPage({ params, searchParams }: { params: Promise<{ organizationId: string }>; searchParams: Promise<{ fait?: string }> }) {
  const { organizationId } = await params;
  const actor = await requirePermission({ type: "ansSpace.view" }, `/instruction/organisations/${encodeURIComponent(organizationId)}`);
  const review = await organizationReview(actor, organizationId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { fait } = await searchParams;
  const notice = fait ? NOTICES[fait] : undefined;
  const { organization: o, members, evidence, permissions, register } = review;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Instruction des dossiers", href: "/instruction" },
          { label: "Organisations à vérifier", href: "/instruction/organisations" },
          { label: o.legalName },
        ]}
      />
      <PageHeading title={o.legalName} lead={`SIRET ${formatSiret(o.siret)}`} />
      {notice ? (
        <Alert variant="success" title="C'est enregistré" live className="mb-6">
          {notice}
        </Alert>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="identite">
          <h2 id="identite" className="mb-4 text-2xl font-bold">
            Identité déclarée
          </h2>
          <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
            <dt className="font-bold">Statut</dt>
            <dd>
              <OrganizationStatusBadge status={o.status} />
              {o.statusChangedAt ? ` depuis le ${formatDateTime(o.statusChangedAt)}${o.statusChangedByName ? ` (${o.statusChangedByName})` : ""}` : ""}
              {o.statusReason ? ` — motif : ${o.statusReason}` : ""}
            </dd>
            <dt className="font-bold">Raison sociale</dt>
            <dd>{o.legalName}</dd>
            <dt className="font-bold">SIRET</dt>
            <dd>{formatSiret(o.siret)}</dd>
            <dt className="font-bold">Adresse</dt>
            <dd className="whitespace-pre-line">{o.address}</dd>
            <dt className="font-bold">Inscrite le</dt>
            <dd>{formatDate(o.createdAt)}</dd>
            <dt className="font-bold">Registre des entreprises</dt>
            <dd>
              {register.status === "found" ? (
                <>
                  {register.establishment.legalName} — {register.establishment.address} —{" "}
                  {register.establishment.active ? "établissement en activité" : <strong>établissement fermé</strong>}
                </>
              ) : register.status === "unknown" ? (
                <strong>SIRET inconnu du répertoire Sirene</strong>
              ) : (
                "Registre non consulté"
              )}
            </dd>
            <dt className="font-bold">Habilitations en vigueur</dt>
            <dd>{o.enrolmentsInForce}</dd>
          </dl>

          <h3 className="mb-2 mt-8 text-xl font-bold">Membres</h3>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Membres de l&apos;organisation, leur rôle et leur preuve ProConnect</caption>
              <thead>
                <tr className="border-b-2 border-grey-800">
                  <th scope="col" className="py-2 pr-4">Nom</th>
                  <th scope="col" className="py-2 pr-4">Rôle</th>
                  <th scope="col" className="py-2">ProConnect</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.userId} className="border-b border-grey-200 align-top">
                    <th scope="row" className="py-3 pr-4 font-normal">
                      {m.name}
                      <span className="block break-all text-sm text-grey-600">{m.email}</span>
                    </th>
                    <td className="py-3 pr-4">
                      {m.isLegalRepresentative ? "Représentant légal déclaré" : "Membre de l'équipe"}
                      {m.isTechnicalContact ? ", contact technique" : ""}
                      {!m.active ? " (compte désactivé)" : ""}
                    </td>
                    <td className="py-3">
                      {m.proConnectProofAt
                        ? `Travaille pour ce SIRET selon ProConnect (connexion du ${formatDate(m.proConnectProofAt)}) ; ne prouve pas la qualité de représentant légal`
                        : "Aucune preuve"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="justificatifs">
          <h2 id="justificatifs" className="mb-4 text-2xl font-bold">
            Justificatifs
          </h2>
          <p className="mb-4 text-grey-800">
            La date de chaque document est celle que le déposant a indiquée : contrôlez-la sur le PDF (moins de trois mois), ainsi que le SIRET, la
            raison sociale et le nom du représentant légal.
          </p>
          <EvidenceList evidence={evidence} />
        </section>
      </div>

      <section aria-labelledby="decisions" className="mt-12 space-y-4">
        <h2 id="decisions" className="text-2xl font-bold">
          Décisions
        </h2>
        {permissions.verify && o.status === "UNVERIFIED" && (
          <>
            {evidence.every((e) => e.kind !== "REGISTER_EXTRACT") && (
              <Alert variant="warning" title="Aucun extrait du registre">
                L&apos;organisation ne peut être vérifiée qu&apos;une fois un extrait Kbis ou un avis de situation déposé.
              </Alert>
            )}
            <OrganizationDecisionForm organizationId={o.id} decision="verify" />
            <OrganizationDecisionForm organizationId={o.id} decision="refuse" />
          </>
        )}
        {permissions.suspend && o.status !== "SUSPENDED" && <OrganizationDecisionForm organizationId={o.id} decision="suspend" />}
        {permissions.suspend && o.status === "SUSPENDED" && <OrganizationDecisionForm organizationId={o.id} decision="reinstate" />}
        {!permissions.suspend && <p className="text-grey-800">La suspension d&apos;une organisation est réservée aux administrateurs de l&apos;ANS.</p>}
      </section>
    </div>
  );
}
