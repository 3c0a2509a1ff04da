import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { DatasetTable } from "@/components/statistics/DatasetTable";
import { StatisticsChart } from "@/components/statistics/StatisticsChart";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { TextField } from "@/components/ui/TextField";
import { requirePermission } from "@/lib/auth/session.server";
import { parseStatisticsPeriod, periodParams } from "@/lib/statistics/period";
import type { Percentiles } from "@/lib/statistics/report";
import { statisticsReport } from "@/lib/statistics/statistics.server";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Statistiques de l'espace de confiance" };

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const daysText = (value: number | null) => (value === null ? "—" : `${decimal.format(value)} j`);

function DurationRow({ label, values }: { label: string; values: Percentiles }) {
  return (
    <tr className="border-b border-grey-200">
      <th scope="row" className="py-2 pr-4 font-normal">
        {label}
      </th>
      <td className="py-2 pr-4 text-right tabular-nums">{daysText(values.median)}</td>
      <td className="py-2 text-right tabular-nums">{daysText(values.p90)}</td>
    </tr>
  );
}

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
        <>
          <p className="mt-6 text-grey-800">
            Période : {report.period.label}.{" "}
            {report.refreshedAt ? `Données à jour au ${formatDateTime(report.refreshedAt)}.` : "Données pas encore calculées."} Les mois et les jours sont ceux de
            l&apos;heure de Paris.
          </p>
          <nav aria-labelledby="sommaire-titre" className="mt-6">
            <h2 id="sommaire-titre" className="text-xl font-bold">
              Sommaire
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              <li>
                <Link href="#delais">Délais d&apos;instruction sur la période</Link>
              </li>
              {report.datasets.map((d) => (
                <li key={d.id}>
                  <Link href={`#${d.id}`}>{d.title}</Link>
                </li>
              ))}
            </ul>
          </nav>

          <section aria-labelledby="delais" className="mt-10 border-t border-grey-200 pt-6">
            <h2 id="delais" className="text-2xl font-bold">
              Délais d&apos;instruction sur la période
            </h2>
            <p className="mt-2">
              {report.durations.count === 0
                ? "Aucun dossier n'a été approuvé ou refusé sur la période."
                : `${report.durations.count} dossier${report.durations.count > 1 ? "s" : ""} approuvé${report.durations.count > 1 ? "s" : ""} ou refusé${report.durations.count > 1 ? "s" : ""} sur la période. Le délai court du premier dépôt à la décision ; il se partage entre l'attente de l'ANS (dossier déposé, à instruire) et celle de l'éditeur (modifications demandées).`}
            </p>
            <div className="mt-4 overflow-x-auto">
              <table className="w-full max-w-2xl border-collapse text-left">
                <caption className="py-2 text-left font-semibold">Délais en jours, {report.period.label}</caption>
                <thead>
                  <tr className="border-b-2 border-grey-950">
                    <th scope="col" className="py-2 pr-4">
                      Délai
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right">
                      Médiane
                    </th>
                    <th scope="col" className="py-2 text-right">
                      90e centile
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <DurationRow label="Du premier dépôt à la décision" values={report.durations.total} />
                  <DurationRow label="dont attente de l'ANS" values={report.durations.ans} />
                  <DurationRow label="dont attente de l'éditeur" values={report.durations.editor} />
                </tbody>
              </table>
            </div>
          </section>

          {report.datasets.map((d) => (
            <section key={d.id} aria-labelledby={d.id} className="mt-10 border-t border-grey-200 pt-6">
              <h2 id={d.id} className="text-2xl font-bold">
                {d.title}
              </h2>
              <p className="mt-2">{d.description}</p>
              <figure className="mt-4">
                {d.rows.length === 0 ? <p>Aucune donnée pour cette période.</p> : <StatisticsChart id={d.id} title={d.title} description={d.description} spec={d.chart} />}
              </figure>
              <DatasetTable caption={`Données du graphique : ${d.title.toLowerCase()}`} columns={d.columns} rows={d.rows} />
              <p className="mt-2">
                <a href={`/instruction/statistiques/donnees/${d.id}.csv?${periodParams(report.period).toString()}`} download>
                  Télécharger les données (CSV)<span className="sr-only"> : {d.title}</span>
                </a>
              </p>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
