import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { formatSiret } from "@/lib/organizations/formatting";
import { squattingCasePath, squattingQueue, SQUATTING_QUEUE_PATH } from "@/lib/organizations/squatting.server";
import { formatDate, waitingLabel } from "@/lib/time";
import { ESCALATION_CAUSE_LABELS } from "./labels";

export const metadata: Metadata = { title: "Rattachements transmis à l'ANS" };

/** ANS's queue of join requests where the holder looks illegitimate (ADR 0057), the one waiting longest first. */
export default async function SquattingQueuePage() {
  const actor = await requirePermission({ type: "ansSpace.view" }, SQUATTING_QUEUE_PATH);
  const { rows, total } = await squattingQueue(actor);
  const now = new Date();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Instruction des dossiers", href: "/instruction" },
          { label: "Organisations à vérifier", href: "/instruction/organisations" },
          { label: "Rattachements transmis à l'ANS" },
        ]}
      />
      <PageHeading
        title="Rattachements transmis à l'ANS"
        lead="Demandes de rattachement restées sans réponse 15 jours, ou dont le demandeur se dit le représentant légal : vérifiez qui représente la société, puis transférez l'organisation, retirez des membres ou refusez l'organisation."
      />
      {rows.length === 0 ? (
        <Alert variant="info" title="Aucune demande transmise">
          Aucune demande de rattachement n&apos;attend de décision de l&apos;ANS.
        </Alert>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left">
              {total} demande{total > 1 ? "s" : ""} transmise{total > 1 ? "s" : ""}
              {total > rows.length ? ` (les ${rows.length} plus anciennes)` : ""}, de la plus ancienne à la plus récente
            </caption>
            <thead>
              <tr className="border-b-2 border-grey-800">
                <th scope="col" className="py-2 pr-4">Organisation</th>
                <th scope="col" className="py-2 pr-4">SIRET</th>
                <th scope="col" className="py-2 pr-4">Demandeur</th>
                <th scope="col" className="py-2 pr-4">Motif de la transmission</th>
                <th scope="col" className="py-2">Transmise le</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.joinRequestId} className="border-b border-grey-200 align-top">
                  <th scope="row" className="py-3 pr-4 font-normal">
                    <Link href={squattingCasePath(r.joinRequestId)}>{r.legalName}</Link>
                  </th>
                  <td className="whitespace-nowrap py-3 pr-4">{formatSiret(r.siret)}</td>
                  <td className="py-3 pr-4">{r.requesterName}</td>
                  <td className="py-3 pr-4">{ESCALATION_CAUSE_LABELS[r.cause]}</td>
                  <td className="py-3">
                    {formatDate(r.escalatedAt)} ({waitingLabel(r.escalatedAt, now)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
