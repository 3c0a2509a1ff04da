import type { TableOfContentsEntry } from "@/lib/catalogue/charter-document";
import { cx } from "../ui/cx";

export type CharterTableOfContentsProps = {
  entries: readonly TableOfContentsEntry[];
  /** Prefix of the links, e.g. "/charte?version=0.1" to point at another page; in-page anchors by default. */
  basePath?: string;
  className?: string;
};

/** "Sommaire": one link per section of the charter. */
export function CharterTableOfContents({ entries, basePath = "", className }: CharterTableOfContentsProps) {
  return (
    <nav aria-labelledby="sommaire" className={cx("border-l-2 border-primary bg-grey-50 p-6", className)}>
      <h2 id="sommaire" className="text-lg font-bold">
        Sommaire
      </h2>
      <ol className="mt-3 space-y-2">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={`${basePath}#${entry.id}`}>{entry.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
