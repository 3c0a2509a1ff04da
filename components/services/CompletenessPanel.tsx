import type { CompletenessItem, CompletenessState } from "@/lib/services/completeness";
import { cx } from "../ui/cx";
import { CompletenessItemText } from "./CompletenessItemText";

const iconStyle: Record<CompletenessState, string> = { done: "text-success", missing: "text-warning", upcoming: "text-grey-600" };

const iconPaths: Record<CompletenessState, string> = {
  // Circled check mark.
  done: "M12 22C6.477 22 2 17.523 2 12S6.477 2 12 2s10 4.477 10 10-4.477 10-10 10Zm-.997-6 7.07-7.071-1.414-1.414-5.656 5.657-2.829-2.829-1.414 1.414L11.003 16Z",
  // Circled "!".
  missing: "M12 22C6.477 22 2 17.523 2 12S6.477 2 12 2s10 4.477 10 10-4.477 10-10 10Zm-1-7v2h2v-2h-2Zm0-8v6h2V7h-2Z",
  // Clock.
  upcoming: "M12 22C6.477 22 2 17.523 2 12S6.477 2 12 2s10 4.477 10 10-4.477 10-10 10Zm0-2a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm1-8h4v2h-6V7h2v5Z",
};

function summaryText(items: readonly CompletenessItem[]): string {
  const current = items.filter((i) => i.state !== "upcoming");
  const done = current.filter((i) => i.done).length;
  const upcoming = items.length - current.length;
  const head =
    done === current.length
      ? `Les ${current.length} éléments attendus à cette étape sont complets.`
      : `${done} élément${done > 1 ? "s" : ""} sur ${current.length} ${done > 1 ? "sont complets" : "est complet"} à cette étape.`;
  return upcoming > 0 ? `${head} ${upcoming} autre${upcoming > 1 ? "s" : ""} viendr${upcoming > 1 ? "ont" : "a"} avec les prochaines étapes.` : head;
}

/**
 * What is complete and what is missing for a service, at a glance: each item says its state in words (not by
 * colour alone), with an icon, a detail and, when missing, a link to where it is fixed.
 */
export function CompletenessPanel({ items, headingId = "completude", className }: { items: readonly CompletenessItem[]; headingId?: string; className?: string }) {
  return (
    <section aria-labelledby={headingId} className={cx("border border-grey-200 bg-white p-6", className)}>
      <h2 id={headingId} className="text-2xl font-bold">
        Complétude du dossier
      </h2>
      <p className="mt-2 text-grey-800">{summaryText(items)}</p>
      <ul className="mt-6 divide-y divide-grey-200">
        {items.map((item) => (
          <li key={item.id} className="flex gap-3 py-4 first:pt-0 last:pb-0">
            <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className={cx("mt-0.5 size-6 shrink-0 fill-current", iconStyle[item.state])}>
              <path d={iconPaths[item.state]} />
            </svg>
            <div className="min-w-0 flex-1">
              <CompletenessItemText item={item} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
