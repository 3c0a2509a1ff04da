import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import { importComparison, importReport } from "@/lib/trust-space-import/report.server";
import { plural } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Rapport d'import" };

const OUTCOMES = { IMPORTED: "Reprise", ALREADY_IMPORTED: "Déjà reprise", REJECTED: "Refusée" } as const;
const VERDICTS = { same: "Identique", different: "Différente", missing: "Absente de l'export" } as const;

export default async function ImportReportPage({ params }: { params: Promise<{ importId: string }> }) {
  const { importId } = await params;
  const actor = await requirePermission({ type: "trustSpace.import" }, `/administration/reprise/${encodeURIComponent(importId)}`);
  const [report, comparison] = await Promise.all([importReport(actor, importId), importComparison(actor, importId)]).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const rejected = report.lines.filter((l) => l.outcome === "REJECTED");
  const mismatches = comparison.lines.filter((l) => l.verdict !== "same").length;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Reprise de l'existant", href: "/administration/reprise" }, { label: "Rapport d'import" }]} />
      <PageHeading title="Rapport d'import" lead={`${report.fileName}, importé le ${formatDateTime(report.createdAt)}.`} />
      <p role="status">
        {plural(report.imported, "ligne reprise", "lignes reprises")}, {plural(report.unchanged, "ligne déjà reprise", "lignes déjà reprises")},{" "}
        {plural(report.rejected, "ligne refusée", "lignes refusées")}.
      </p>
      <section aria-labelledby="refusees" className="mt-8">
        <h2 id="refusees" className="text-2xl font-bold">Lignes refusées</h2>
        {rejected.length === 0 ? (
          <p className="mt-2">Aucune ligne refusée.</p>
        ) : (
          <TableScroll label="Lignes refusées" className="mt-4">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Lignes refusées et leur motif</caption>
              <thead>
                <tr className="border-b border-grey-300">
                  <th scope="col" className="py-2 pr-4">Ligne</th>
                  <th scope="col" className="py-2 pr-4">SIRET</th>
                  <th scope="col" className="py-2 pr-4">Service</th>
                  <th scope="col" className="py-2">Motif</th>
                </tr>
              </thead>
              <tbody>
                {rejected.map((l) => (
                  <tr key={l.id} className="border-b border-grey-200">
                    <td className="py-2 pr-4">{l.lineNumber}</td>
                    <td className="py-2 pr-4 font-mono">{l.siret}</td>
                    <td className="py-2 pr-4">{l.serviceName}</td>
                    <td className="py-2">{l.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="comparaison" className="mt-10">
        <h2 id="comparaison" className="text-2xl font-bold">Comparaison avec l&apos;export du portail</h2>
        <p className="mt-2">
          Avant de faire suivre la passerelle par le portail, vérifiez que chaque ligne reprise figure à l&apos;identique dans l&apos;export du portail.{" "}
          {plural(comparison.exported, "habilitation", "habilitations")} dans l&apos;export, dont {plural(comparison.portalOnly, "habilitation", "habilitations")} hors de cet import.
        </p>
        {mismatches > 0 ? (
          <Alert variant="warning" title={`${plural(mismatches, "ligne diffère", "lignes diffèrent")} de l'export`} className="mt-4">
            Examinez-les avant la bascule : la passerelle suivrait l&apos;export du portail.
          </Alert>
        ) : null}
        <TableScroll label="Comparaison avec l'export" className="mt-4">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Lignes reprises comparées à l&apos;export du portail</caption>
            <thead>
              <tr className="border-b border-grey-300">
                <th scope="col" className="py-2 pr-4">Ligne</th>
                <th scope="col" className="py-2 pr-4">Service</th>
                <th scope="col" className="py-2 pr-4">État</th>
                <th scope="col" className="py-2 pr-4">Dans l&apos;export</th>
                <th scope="col" className="py-2">Écarts</th>
              </tr>
            </thead>
            <tbody>
              {report.lines
                .filter((l) => l.outcome !== "REJECTED")
                .map((l) => {
                  const compared = comparison.lines.find((c) => c.lineNumber === l.lineNumber);
                  return (
                    <tr key={l.id} className="border-b border-grey-200">
                      <td className="py-2 pr-4">{l.lineNumber}</td>
                      <td className="py-2 pr-4">
                        {l.serviceName} ({l.environment === "TEST" ? "test" : "production"})
                      </td>
                      <td className="py-2 pr-4">{OUTCOMES[l.outcome]}</td>
                      <td className="py-2 pr-4">{compared ? VERDICTS[compared.verdict] : "—"}</td>
                      <td className="py-2">{compared && compared.differences.length > 0 ? compared.differences.join(" ") : "Aucun"}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
