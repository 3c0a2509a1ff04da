import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { formatSiret } from "@/lib/organizations/formatting";
import { organizationsAwaitingVerification } from "@/lib/organizations/review.server";
import { SQUATTING_QUEUE_PATH } from "@/lib/organizations/squatting.server";
import { reviewOrganizationPath } from "@/lib/paths";
import { formatDate, waitingLabel } from "@/lib/time";

export const metadata: Metadata = { title: "Organisations à vérifier" };

/** The queue tab of organisations waiting for ANS's verification, the one waiting longest first (issue 22). */
export default async function OrganizationsToVerifyPage() {
  const actor = await requirePermission({ type: "ansSpace.view" }, "/instruction/organisations");
  const { rows, total } = await organizationsAwaitingVerification(actor);
  const now = new Date();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Instruction des dossiers", href: "/instruction" }, { label: "Organisations à vérifier" }]} />
      <PageHeading
        title="Organisations à vérifier"
        lead="Organisations non vérifiées, la plus ancienne en tête : contrôlez l'extrait du registre et le représentant légal, puis vérifiez ou refusez."
      />
      <p className="mb-6">
        <Link href={SQUATTING_QUEUE_PATH}>Rattachements transmis à l&apos;ANS (organisations détenues à tort)</Link>
      </p>
      {rows.length === 0 ? (
        <Alert variant="info" title="Aucune organisation à vérifier">
          Toutes les organisations inscrites ont été vérifiées ou refusées.
        </Alert>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left">
              {total} organisation{total > 1 ? "s" : ""} à vérifier{total > rows.length ? ` (les ${rows.length} plus anciennes)` : ""}, de la plus ancienne à la plus récente
            </caption>
            <thead>
              <tr className="border-b-2 border-grey-800">
                <th scope="col" className="py-2 pr-4">Organisation</th>
                <th scope="col" className="py-2 pr-4">SIRET</th>
                <th scope="col" className="py-2 pr-4">En attente depuis</th>
                <th scope="col" className="py-2 pr-4">Justificatifs</th>
                <th scope="col" className="py-2">Membres</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.organizationId} className="border-b border-grey-200 align-top">
                  <th scope="row" className="py-3 pr-4 font-normal">
                    <Link href={reviewOrganizationPath(o.organizationId)}>{o.legalName}</Link>
                  </th>
                  <td className="whitespace-nowrap py-3 pr-4">{formatSiret(o.siret)}</td>
                  <td className="py-3 pr-4">
                    {formatDate(o.waitingSince)} ({waitingLabel(o.waitingSince, now)})
                  </td>
                  <td className="py-3 pr-4">{o.evidenceCount === 0 ? "Aucun" : o.evidenceCount}</td>
                  <td className="py-3">{o.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
