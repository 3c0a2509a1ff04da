import Link from "next/link";
import type { CompletenessState } from "@/lib/services/completeness";
import { cx } from "../ui/cx";

export const completenessStateText: Record<CompletenessState, string> = { done: "Fait", missing: "À faire", upcoming: "À venir" };

export const completenessBadge: Record<CompletenessState, string> = {
  done: "bg-success-light text-success",
  missing: "bg-warning-light text-warning",
  upcoming: "bg-grey-100 text-grey-800",
};

/** One checklist item: its label, its state in words (not by colour alone), the detail, and the fix link when missing. */
export function CompletenessItemText({
  item,
}: {
  item: { label: string; state: CompletenessState; detail: string; href: string | null; actionLabel: string | null };
}) {
  return (
    <>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-bold">{item.label}</span>
        <span className={cx("rounded-sm px-2 py-0.5 text-sm font-bold uppercase", completenessBadge[item.state])}>
          <span className="sr-only"> : </span>
          {completenessStateText[item.state]}
        </span>
      </p>
      <p className="mt-1 text-grey-800">{item.detail}</p>
      {item.state === "missing" && item.href && item.actionLabel ? (
        <p className="mt-2">
          <Link href={item.href} className="font-medium text-primary underline">
            {item.actionLabel}
          </Link>
        </p>
      ) : null}
    </>
  );
}
