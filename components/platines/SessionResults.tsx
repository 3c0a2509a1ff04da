import type { PlatinesEvaluation } from "@/lib/platines/evaluation";
import { percent } from "@/lib/platines/verdict";
import { cx } from "../ui/cx";
import { TableScroll } from "../ui/TableScroll";

const statusStyle: Record<string, string> = {
  succès: "text-success",
  échec: "text-error",
  erreur: "text-error",
  "non exécuté": "text-warning",
  manquant: "text-warning",
};

const statusLabel: Record<string, string> = {
  succès: "Succès",
  échec: "Échec",
  erreur: "Erreur",
  "non exécuté": "Non exécuté",
  manquant: "Absent du rapport",
};

export type FileLink = { href: string; fileName: string; sizeLabel: string };

export type SessionResultsProps = {
  /** Unique per page: prefixes the ids of headings. */
  id: string;
  title: string;
  facts: { label: string; value: string }[];
  evaluation: PlatinesEvaluation | null;
  reportFile: FileLink;
  evidence: FileLink[];
  headingLevel?: "h3" | "h4";
};

/** One PLATINES session: facts, figures, why the plan is (not) satisfied, the case table (failing first), files. */
export function SessionResults({ id, title, facts, evaluation, reportFile, evidence, headingLevel: Heading = "h3" }: SessionResultsProps) {
  return (
    <article aria-labelledby={`${id}-titre`} className="border border-grey-200 p-4">
      <Heading id={`${id}-titre`} className="text-lg font-bold">
        {title}
      </Heading>
      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="font-medium text-grey-800">{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {evaluation === null ? (
        <p className="mt-4">Le résumé de cette session est illisible : téléchargez le rapport pour le consulter.</p>
      ) : (
        <>
          <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label="Chiffres de la session">
            <Figure label="Cas réussis" value={`${evaluation.casesPassed} sur ${evaluation.totalCases}`} />
            <Figure label="Taux de succès" value={percent(evaluation.successRate)} />
            <Figure label="Couverture des cas requis" value={`${percent(evaluation.coverage)} (${evaluation.requiredPresent} sur ${evaluation.requiredCount})`} />
            <Figure label="Échecs, erreurs, non exécutés" value={`${evaluation.casesFailed}, ${evaluation.casesInError}, ${evaluation.casesNotExecuted}`} />
          </dl>
          {evaluation.reasons.length > 0 && (
            <div className="mt-4">
              <p className="font-bold">Pourquoi le plan n&apos;est pas satisfait :</p>
              <ul className="mt-1 list-disc pl-6">
                {evaluation.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          )}
          {evaluation.duplicates.length > 0 && (
            <p className="mt-2 text-grey-800">
              Cas présents plusieurs fois (le plus mauvais résultat est retenu) :{" "}
              {evaluation.duplicates.map((d) => `${d.identifier} (${d.occurrences} fois)`).join(", ")}.
            </p>
          )}
          <TableScroll label="Cas de test, les cas en échec d'abord" className="mt-4">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="mb-2 text-left font-bold">Cas de test, les cas en échec d&apos;abord</caption>
              <thead>
                <tr className="border-b-2 border-grey-800">
                  <th scope="col" className="py-2 pr-4">Statut</th>
                  <th scope="col" className="py-2 pr-4">Identifiant</th>
                  <th scope="col" className="py-2 pr-4">Intitulé</th>
                  <th scope="col" className="py-2">Message</th>
                </tr>
              </thead>
              <tbody>
                {evaluation.rows.map((row) => (
                  <tr key={`${row.required ? "r" : "x"}-${row.identifier}`} className="border-b border-grey-200 align-top">
                    <td className={cx("py-2 pr-4 font-bold whitespace-nowrap", statusStyle[row.status])}>{statusLabel[row.status]}</td>
                    <th scope="row" className="py-2 pr-4 font-mono font-normal">
                      {row.identifier}
                      {!row.required && <span className="block font-sans text-xs text-grey-800">hors plan</span>}
                      {row.occurrences > 1 && <span className="block font-sans text-xs text-grey-800">{row.occurrences} occurrences</span>}
                    </th>
                    <td className="py-2 pr-4">{row.title}</td>
                    <td className="py-2 break-words">{row.message ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <div className="mt-4">
        <p className="font-bold">Fichiers</p>
        <ul className="mt-1 list-disc pl-6">
          <li>
            <a href={reportFile.href} className="text-primary underline">
              Rapport JUnit « {reportFile.fileName} »
            </a>{" "}
            ({reportFile.sizeLabel})
          </li>
          {evidence.map((file) => (
            <li key={file.href}>
              <a href={file.href} className="text-primary underline">
                Pièce justificative « {file.fileName} »
              </a>{" "}
              ({file.sizeLabel})
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="border-l-4 border-primary bg-grey-50 px-3 py-2">
      <dt className="text-sm text-grey-800">{label}</dt>
      <dd className="text-lg font-bold">{value}</dd>
    </div>
  );
}
