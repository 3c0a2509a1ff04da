import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { TextField } from "@/components/ui/TextField";
import { requirePermission } from "@/lib/auth/session.server";
import { StatisticsReportView } from "@/components/statistics/StatisticsReportView";
import { parseStatisticsPeriod } from "@/lib/statistics/period";
import { statisticsReport } from "@/lib/statistics/statistics.server";

export const metadata: Metadata = { title: "Statistiques de l'espace de confiance" };


export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ type: "ansSpace.view" }, "/instruction/statistiques");
  const now = new Date();
  const parsed = parseStatisticsPeriod(await searchParams, now);
  const report = parsed.ok ? await statisticsReport(actor, parsed.period, now) : null;
  const values = parsed.ok ? { du: parsed.period.from, au: parsed.period.to } : parsed.values;
  const errors = parsed.ok ? {} : parsed.fieldErrors;

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Instruction", href: "/instruction" }, { label: "Statistiques" }]} />
      <PageHeading
        title="Statistiques de l'espace de confiance"
        lead="Dossiers déposés et décidés, délais d'instruction, dossiers en attente, habilitations en vigueur et certificats à renouveler, calculés à partir du journal des événements."
      />

      <form method="get" action="/instruction/statistiques" className="grid gap-4 border border-grey-200 bg-grey-50 p-4 sm:grid-cols-[1fr_1fr_auto]" aria-labelledby="periode-titre" noValidate>
        <h2 id="periode-titre" className="text-xl font-bold sm:col-span-3">
          Période
        </h2>
        <TextField id="du" name="du" type="month" label="Du mois de" hint="Format AAAA-MM, par exemple 2026-01." defaultValue={values.du} error={errors.du} />
        <TextField id="au" name="au" type="month" label="Au mois de (inclus)" hint="Au plus tard le mois en cours." defaultValue={values.au} error={errors.au} />
        <div className="flex flex-wrap items-end gap-4">
          <Button type="submit">Afficher</Button>
          <ButtonLink href="/instruction/statistiques" variant="secondary">
            Douze derniers mois
          </ButtonLink>
        </div>
      </form>

      {!report ? (
        <Alert variant="error" title="La période demandée n'est pas valable" className="mt-6">
          Corrigez les mois indiqués dans le formulaire ci-dessus.
        </Alert>
      ) : (
        <StatisticsReportView report={report} />
      )}
    </div>
  );
}
