import { periodParams } from "@/lib/statistics/period";
import type { Percentiles, StatisticsReport } from "@/lib/statistics/report";
import { formatDateTime } from "@/lib/time";
import { DatasetTable } from "./DatasetTable";
import { StatisticsChart } from "./StatisticsChart";

// The reviewers' statistics for a period (ADR 0036): the durations, then each dataset with its chart, its table and
// its CSV download. Presentation only: the page reads the report.

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

export function StatisticsReportView({ report }: { report: StatisticsReport & { refreshedAt: Date | null } }) {
  return (
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
            <a href="#delais">Délais d&apos;instruction sur la période</a>
          </li>
          {report.datasets.map((d) => (
            <li key={d.id}>
              <a href={`#${d.id}`}>{d.title}</a>
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
  );
}
