import { CompletenessItemText } from "../services/CompletenessItemText";
import { cx } from "../ui/cx";
import { checklistSummary } from "@/lib/applications/checklist";

export type ChecklistRow = { id: string; label: string; done: boolean; state: "done" | "missing" | "upcoming"; detail: string; href: string | null; actionLabel: string | null };

/**
 * The live checklist of an open dossier: each item says its state in words; a missing one links to where it is fixed.
 * `submitted`: the dossier waits for the reviewer, so the list no longer says whether it "can be submitted".
 */
export function ApplicationChecklist({
  items,
  submitted = false,
  headingId = "liste-pieces",
  className,
}: {
  items: readonly ChecklistRow[];
  submitted?: boolean;
  headingId?: string;
  className?: string;
}) {
  const missing = items.filter((i) => i.state === "missing").length;
  return (
    <section aria-labelledby={headingId} className={cx("border border-grey-200 bg-white p-6", className)}>
      <h2 id={headingId} className="text-2xl font-bold">
        Pièces du dossier
      </h2>
      <p className="mt-2 text-grey-800">{checklistSummary(missing, submitted)}</p>
      <ul className="mt-6 divide-y divide-grey-200">
        {items.map((item) => (
          <li key={item.id} className="py-4 first:pt-0 last:pb-0">
            <CompletenessItemText item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}
