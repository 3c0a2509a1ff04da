import { sessionResultsProps, type SessionViewInput } from "@/lib/platines/session-view";
import { SessionResults } from "./SessionResults";

/** Earlier PLATINES sessions of a service, most recent first, as the editor and the reviewer both see them. */
export function SessionHistory({
  history,
  idPrefix,
  className,
}: {
  history: readonly (SessionViewInput & { id: string })[];
  idPrefix: string;
  className?: string;
}) {
  return (
    <section aria-labelledby="historique" className={className}>
      <h2 id="historique" className="text-2xl font-bold">
        Sessions précédentes ({history.length})
      </h2>
      {history.length === 0 ? (
        <p className="mt-4">Aucune session précédente.</p>
      ) : (
        <ol className="mt-4 space-y-6">
          {history.map((submission) => (
            <li key={submission.id}>
              <SessionResults id={`${idPrefix}-${submission.id}`} title={`Session ${submission.sessionIdentifier} — ${submission.planName}`} {...sessionResultsProps(submission)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
