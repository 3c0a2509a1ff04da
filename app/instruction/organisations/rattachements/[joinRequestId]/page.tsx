import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { OrganizationStatusBadge } from "@/components/organizations/OrganizationStatusBadge";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatSiret } from "@/lib/organizations/formatting";
import { squattingCase, squattingCasePath, SQUATTING_QUEUE_PATH } from "@/lib/organizations/squatting.server";
import { reviewOrganizationPath } from "@/lib/paths";
import { formatDate, formatDateTime } from "@/lib/time";
import { ESCALATION_CAUSE_LABELS } from "../labels";
import { RemoveMembersForm, SquattingDecisionForm } from "./resolution-forms";

export const metadata: Metadata = { title: "Rattachement transmis à l'ANS" };

const NOTICES: Record<string, string> = {
  transferee: "L'organisation est transférée au demandeur, désormais son représentant légal ; elle attend de nouveau sa vérification. Les personnes concernées en sont informées par courriel.",
  refusee: "L'organisation est refusée ; ses membres et le demandeur en sont informés par courriel.",
  retires: "Les membres cochés sont retirés de l'organisation et en sont informés par courriel.",
};

const RESOLUTIONS: Record<string, string> = {
  transferred: "Organisation transférée au demandeur",
  organization_refused: "Organisation refusée",
};

const REQUEST_STATUS = { PENDING: "sans réponse de l'organisation", ACCEPTED: "acceptée", REFUSED: "refusée par l'organisation" } as const;

/** One squatting case (ADR 0057): the requester, the organisation, its people, and ANS's three decisions. */
export default async function SquattingCasePage({ params, searchParams }: { params: Promise<{ joinRequestId: string }>; searchParams: Promise<{ fait?: string }> }) {
  const { joinRequestId } = await params;
  const actor = await requirePermission({ type: "ansSpace.view" }, squattingCasePath(encodeURIComponent(joinRequestId)));
  const view = await squattingCase(actor, joinRequestId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { fait } = await searchParams;
  const notice = fait ? NOTICES[fait] : undefined;
  const o = view.organization;
  const open = view.resolvedAt === null;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Instruction des dossiers", href: "/instruction" },
          { label: "Rattachements transmis à l'ANS", href: SQUATTING_QUEUE_PATH },
          { label: o.legalName },
        ]}
      />
      <PageHeading title={`Rattachement à ${o.legalName}`} lead={`SIRET ${formatSiret(o.siret)} — ${ESCALATION_CAUSE_LABELS[view.cause]}`} />
      {notice ? (
        <Alert variant="success" title="C'est enregistré" live className="mb-6">
          {notice}
        </Alert>
      ) : null}
      {!open ? (
        <Alert variant="info" title="L'ANS a statué" className="mb-6">
          {RESOLUTIONS[view.resolution ?? ""] ?? "Décision enregistrée"} le {formatDateTime(view.resolvedAt as Date)}.
        </Alert>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="demandeur">
          <h2 id="demandeur" className="mb-4 text-2xl font-bold">
            Demandeur
          </h2>
          <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
            <dt className="font-bold">Nom</dt>
            <dd>{view.requester.name}</dd>
            <dt className="font-bold">Adresse électronique</dt>
            <dd className="break-all">{view.requester.email}</dd>
            <dt className="font-bold">Demande</dt>
            <dd>
              du {formatDate(view.requestedAt)}, {REQUEST_STATUS[view.requestStatus]} ; transmise à l&apos;ANS le {formatDate(view.escalatedAt)}
            </dd>
            <dt className="font-bold">ProConnect</dt>
            <dd>
              {view.requester.proConnectProofAt
                ? `Travaille pour ce SIRET selon ProConnect (connexion du ${formatDate(view.requester.proConnectProofAt)}) ; ne prouve pas la qualité de représentant légal`
                : "Aucune preuve"}
            </dd>
          </dl>
          <p className="mt-4 text-grey-800">
            Demandez au demandeur un extrait Kbis ou un avis de situation INSEE de moins de trois mois où il figure comme représentant légal, et
            contrôlez-le avant tout transfert. Après le transfert, il dépose cet extrait sur le portail et l&apos;organisation est vérifiée comme toute
            autre.
          </p>
        </section>

        <section aria-labelledby="organisation">
          <h2 id="organisation" className="mb-4 text-2xl font-bold">
            Organisation
          </h2>
          <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
            <dt className="font-bold">Statut</dt>
            <dd>
              <OrganizationStatusBadge status={o.status} />
              {o.statusReason ? ` — motif : ${o.statusReason}` : ""}
            </dd>
            <dt className="font-bold">Adresse</dt>
            <dd className="whitespace-pre-line">{o.address}</dd>
          </dl>
          <p className="mt-2">
            <Link href={reviewOrganizationPath(o.id)}>Voir l&apos;organisation et ses justificatifs</Link>
          </p>
          <h3 className="mb-2 mt-6 text-xl font-bold">Membres actuels</h3>
          {view.members.length === 0 ? (
            <p>Aucun membre.</p>
          ) : (
            <ul className="space-y-2">
              {view.members.map((m) => (
                <li key={m.membershipId}>
                  {m.name} <span className="break-all text-grey-600">({m.email})</span> — {m.isLegalRepresentative ? "représentant légal déclaré" : "membre de l'équipe"}, depuis le{" "}
                  {formatDate(m.since)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {open ? (
        <section aria-labelledby="decisions" className="mt-12 space-y-4">
          <h2 id="decisions" className="text-2xl font-bold">
            Décisions
          </h2>
          <SquattingDecisionForm joinRequestId={view.joinRequestId} decision="transfer" />
          {view.members.length > 0 ? (
            <RemoveMembersForm
              joinRequestId={view.joinRequestId}
              members={view.members.map((m) => ({ membershipId: m.membershipId, label: `${m.name} (${m.email})${m.isLegalRepresentative ? ", représentant légal déclaré" : ""}` }))}
            />
          ) : null}
          {o.status === "UNVERIFIED" || o.status === "VERIFIED" ? <SquattingDecisionForm joinRequestId={view.joinRequestId} decision="refuse" /> : null}
        </section>
      ) : null}
    </div>
  );
}
