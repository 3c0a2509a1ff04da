import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { DatasetTable } from "@/components/statistics/DatasetTable";
import { StatisticsChart } from "@/components/statistics/StatisticsChart";
import { publicStatistics } from "@/lib/statistics/statistics.server";
import { publicDataset } from "@/lib/statistics/public";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Statistiques publiques" };

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat("fr-FR");

/** The trust space in figures, for everyone: counts only, no organisation named (ADR 0036). */
export default async function PublicStatisticsPage() {
  const stats = await publicStatistics();
  const dataset = publicDataset(stats);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <PageHeading title="L'espace de confiance du ROR en chiffres" lead="Les services numériques habilités à appeler les API du ROR, et le temps que prend l'instruction d'un dossier d'adhésion." />
      <dl className="grid gap-6 sm:grid-cols-2">
        <div className="border border-grey-200 p-6">
          <dt className="font-semibold">Services habilités aujourd&apos;hui</dt>
          <dd className="mt-2 text-4xl font-bold text-primary">{integer.format(stats.total)}</dd>
        </div>
        <div className="border border-grey-200 p-6">
          <dt className="font-semibold">Délai médian d&apos;instruction sur les douze derniers mois</dt>
          <dd className="mt-2 text-4xl font-bold text-primary">{stats.medianDays === null ? "—" : `${decimal.format(stats.medianDays)} jours`}</dd>
          <dd className="mt-2 text-sm text-grey-800">
            {stats.decisions === 0
              ? "Aucune décision sur la période."
              : `Du premier dépôt du dossier à son approbation ou à son refus, sur ${integer.format(stats.decisions)} décision${stats.decisions > 1 ? "s" : ""}.`}
          </dd>
        </div>
      </dl>

      <section aria-labelledby={dataset.id} className="mt-12">
        <h2 id={dataset.id} className="text-2xl font-bold">
          {dataset.title}
        </h2>
        <p className="mt-2">{dataset.description}</p>
        <figure className="mt-4">
          <StatisticsChart id={dataset.id} title={dataset.title} description={dataset.description} spec={dataset.chart} />
        </figure>
        <DatasetTable caption={`Données du graphique : ${dataset.title.toLowerCase()}`} columns={dataset.columns} rows={dataset.rows} />
        <p className="mt-2">
          <a href={`/statistiques/donnees/${dataset.id}.csv`} download>
            Télécharger les données (CSV)<span className="sr-only"> : {dataset.title}</span>
          </a>
        </p>
      </section>
      <p className="mt-10 text-sm text-grey-800">
        {stats.refreshedAt ? `Données à jour au ${formatDateTime(stats.refreshedAt)}, recalculées toutes les dix minutes.` : "Données pas encore calculées."} Aucune organisation ni aucun service n&apos;y est nommé.
      </p>
    </div>
  );
}
