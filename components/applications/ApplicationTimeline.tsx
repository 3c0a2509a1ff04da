export type TimelineRow = { id: string; label: string; when: string; actorName: string | null; message: string | null };

/** Every event of a dossier, oldest first, as an ordered list. */
export function ApplicationTimeline({ rows, headingId = "historique" }: { rows: readonly TimelineRow[]; headingId?: string }) {
  return (
    <section aria-labelledby={headingId} className="mb-12">
      <h2 id={headingId} className="mb-4 text-2xl font-bold">
        Historique du dossier
      </h2>
      {rows.length === 0 ? (
        <p className="text-grey-800">Aucun événement.</p>
      ) : (
        <ol className="border-l-2 border-grey-200 pl-6">
          {rows.map((row) => (
            <li key={row.id} className="mb-4 last:mb-0">
              <p>
                <span className="font-bold">{row.label}</span> <span className="text-grey-800">— {row.when}</span>
                {row.actorName ? <span className="text-grey-800">, par {row.actorName}</span> : null}
              </p>
              {row.message ? <p className="mt-1 whitespace-pre-line text-grey-800">{row.message}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
