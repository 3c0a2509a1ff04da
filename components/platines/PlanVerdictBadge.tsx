import { PLAN_VERDICT_LABELS, type PlanVerdictState } from "@/lib/platines/verdict";
import { cx } from "../ui/cx";

const styles: Record<PlanVerdictState, string> = {
  satisfied: "bg-success-light text-success",
  notSatisfied: "bg-error-light text-error",
  noSubmission: "bg-grey-100 text-grey-800",
};

/** The verdict in words (never by colour alone). */
export function PlanVerdictBadge({ state }: { state: PlanVerdictState }) {
  return <span className={cx("inline-block rounded-sm px-2 py-0.5 text-sm font-bold uppercase", styles[state])}>{PLAN_VERDICT_LABELS[state]}</span>;
}
