export type CharterSummaryEntry = { id: string; title: string; excerpt: string };

export type CharterSummaryListProps = {
  entries: readonly CharterSummaryEntry[];
  /** Page that shows the full text, e.g. "/charte?version=0.1"; each entry links to its section there. */
  fullTextPath: string;
  headingLevel?: "h3" | "h4";
};

/** The charter in short: each section's title (a link to the full text) and its opening sentence. */
export function CharterSummaryList({ entries, fullTextPath, headingLevel: Heading = "h3" }: CharterSummaryListProps) {
  return (
    <ol className="space-y-4">
      {entries.map((entry) => (
        <li key={entry.id}>
          <Heading className="font-bold">
            <a href={`${fullTextPath}#${entry.id}`}>{entry.title}</a>
          </Heading>
          {entry.excerpt ? <p className="mt-1 text-grey-800">{entry.excerpt}</p> : null}
        </li>
      ))}
    </ol>
  );
}
