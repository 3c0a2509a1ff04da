import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { CertificateList } from "@/components/whitelist/WhitelistTable";
import { reviewApplicationPath } from "@/lib/paths";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import { formatSiret } from "@/lib/organizations/formatting";
import { ENROLMENT_STATUS_LABELS } from "@/lib/enrolments/status";
import { ENVIRONMENT_LABELS } from "@/lib/whitelist/view-query";
import { enrolmentForReview } from "@/lib/whitelist/whitelist-view.server";
import { enforcementSentence, enrolmentEnforcementForReview } from "@/lib/gateway/status.server";
import { EnrolmentChangeForm, QuotaForm } from "./enrolment-forms";
import { TableScroll } from "@/components/ui/TableScroll";

export const metadata: Metadata = { title: "Habilitation" };

const NOTICES: Record<string, string> = {
  quotas: "Les quotas ont été modifiés ; la liste blanche les applique dès maintenant.",
  suspendue: "L'habilitation est suspendue ; elle ne figure plus dans la liste blanche.",
  retablie: "L'habilitation est rétablie ; elle figure de nouveau dans la liste blanche.",
  revoquee: "L'habilitation est révoquée ; elle ne figure plus dans la liste blanche.",
};

function quotaChange(data: unknown): string | null {
  const d = data as { to?: { authenticatedPerSecond?: number; publicPerSecond?: number } } | null;
  return d?.to?.authenticatedPerSecond ? `${d.to.authenticatedPerSecond} authentifiées, ${d.to.publicPerSecond} publiques` : null;
}

export default async function EnrolmentPage({ params, searchParams }: { params: Promise<{ enrolmentId: string }>; searchParams: Promise<{ fait?: string }> }) {
  const { enrolmentId } = await params;
  const path = `/instruction/liste-blanche/${encodeURIComponent(enrolmentId)}`;
  const actor = await requirePermission({ type: "whitelist.view" }, path);
  const detail = await enrolmentForReview(actor, enrolmentId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const enforcement = await enrolmentEnforcementForReview(actor, enrolmentId);
  const { fait } = await searchParams;
  const notice = fait ? NOTICES[fait] : undefined;
  const inForce = detail.status === "ACTIVE" || detail.status === "SUSPENDED";
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Instruction des dossiers", href: "/instruction" }, { label: "Liste blanche", href: "/instruction/liste-blanche" }, { label: detail.service.name }]} />
      <PageHeading title={`Habilitation : ${detail.service.name}`} lead={`${detail.organisation.name} — SIRET ${formatSiret(detail.organisation.siret)}`} />
      {notice ? (
        <Alert variant="success" title="C'est enregistré" live>
          {notice}
        </Alert>
      ) : null}
      <dl className="mt-6 grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Statut</dt>
        <dd>
          {ENROLMENT_STATUS_LABELS[detail.status]}
          {detail.suspensionReason ? ` — motif : ${detail.suspensionReason}` : ""}
          {detail.revocationReason ? ` — motif : ${detail.revocationReason}` : ""}
        </dd>
        <dt className="font-bold">Profil d&apos;accès</dt>
        <dd>{detail.profile.label}</dd>
        <dt className="font-bold">Quotas de niveau 2</dt>
        <dd>
          {detail.quotas.authenticatedPerSecond} appels par seconde sur les API authentifiées, {detail.quotas.publicPerSecond} sur les API publiques
          {detail.quotaReason ? ` — motif : ${detail.quotaReason}` : " (valeurs du profil)"}
        </dd>
        <dt className="font-bold">Accordée</dt>
        <dd>
          le {formatDateTime(detail.approvedAt)} par {detail.approvedBy} — <Link href={reviewApplicationPath(detail.applicationId)}>voir le dossier</Link>
        </dd>
        {enforcement.imported ? (
          <>
            <dt className="font-bold">Origine</dt>
            <dd>Reprise de l&apos;existant (importée depuis la liste blanche de la passerelle actuelle)</dd>
          </>
        ) : null}
        {enforcement.states.length > 0 ? (
          <>
            <dt className="font-bold">À la passerelle</dt>
            <dd>
              <ul>
                {enforcement.states.map((state) => (
                  <li key={state.environment}>{enforcementSentence(state, ENVIRONMENT_LABELS[state.environment].toLowerCase())}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {detail.environments.map((env) => (
        <section key={env.environment} aria-labelledby={`env-${env.environment}`} className="mt-8">
          <h2 id={`env-${env.environment}`} className="text-2xl font-bold">
            Environnement de {ENVIRONMENT_LABELS[env.environment].toLowerCase()}
          </h2>
          <h3 className="mt-4 font-bold">URL</h3>
          <ul className="list-disc pl-6 break-all">
            {env.urls.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
          <h3 className="mt-4 font-bold">Certificats</h3>
          <CertificateList certificates={env.certificates} />
        </section>
      ))}
      {inForce ? (
        <section aria-labelledby="actions" className="mt-10 space-y-4">
          <h2 id="actions" className="text-2xl font-bold">
            Actions
          </h2>
          <QuotaForm enrolmentId={detail.id} version={detail.version} quotas={detail.quotas} defaults={detail.profile.defaults} reason={detail.quotaReason} />
          {detail.status === "ACTIVE" ? <EnrolmentChangeForm change="suspend" enrolmentId={detail.id} version={detail.version} /> : null}
          {detail.status === "SUSPENDED" ? <EnrolmentChangeForm change="reinstate" enrolmentId={detail.id} version={detail.version} /> : null}
          <EnrolmentChangeForm change="revoke" enrolmentId={detail.id} version={detail.version} />
        </section>
      ) : null}
      <section aria-labelledby="historique" className="mt-10">
        <h2 id="historique" className="text-2xl font-bold">
          Historique
        </h2>
        <TableScroll label="Historique de l'habilitation, du plus ancien au plus récent" className="mt-4">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Historique de l&apos;habilitation, du plus ancien au plus récent</caption>
            <thead>
              <tr className="border-b-2 border-neutral-800">
                <th scope="col" className="py-2 pr-4">Date</th>
                <th scope="col" className="py-2 pr-4">Événement</th>
                <th scope="col" className="py-2 pr-4">Par</th>
                <th scope="col" className="py-2">Motif ou détail</th>
              </tr>
            </thead>
            <tbody>
              {detail.history.map((h, index) => (
                <tr key={index} className="border-b border-neutral-300">
                  <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(h.occurredAt)}</td>
                  <td className="py-2 pr-4">{h.label}</td>
                  <td className="py-2 pr-4">{h.actor ?? "—"}</td>
                  <td className="py-2">{[quotaChange(h.payload), h.reason].filter(Boolean).join(" — ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
