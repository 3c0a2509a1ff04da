// A plan's verdict for a service: the latest submission for the plan counts, evaluated against the plan's current
// required cases. Pure.
import type { PlatinesEvaluation, PlatinesSessionType, RequiredCase } from "./evaluation";
import { evaluateStored, readSummary } from "./stored-summary";

export type PlanVerdictState = "satisfied" | "notSatisfied" | "noSubmission";

export const PLAN_VERDICT_LABELS: Record<PlanVerdictState, string> = {
  satisfied: "Plan satisfait",
  notSatisfied: "Plan non satisfait",
  noSubmission: "Aucun résultat déposé",
};

export type LatestSubmission = { sessionType: PlatinesSessionType; summary: unknown };

export type PlanVerdict = { state: PlanVerdictState; evaluation: PlatinesEvaluation | null };

export function planVerdict(requiredCases: readonly RequiredCase[], latest: LatestSubmission | null): PlanVerdict {
  if (latest === null) return { state: "noSubmission", evaluation: null };
  const summary = readSummary(latest.summary);
  if (summary === null) return { state: "notSatisfied", evaluation: null };
  const evaluation = evaluateStored(summary, latest.sessionType, requiredCases);
  return { state: evaluation.satisfied ? "satisfied" : "notSatisfied", evaluation };
}

/** Latest first: the submissions of one service grouped by plan, keeping each plan's newest. */
export function latestByPlan<T extends { planId: string; submittedAt: Date }>(submissions: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const submission of submissions) {
    const current = latest.get(submission.planId);
    if (current === undefined || submission.submittedAt > current.submittedAt) latest.set(submission.planId, submission);
  }
  return latest;
}

export function percent(ratio: number): string {
  return `${(ratio * 100).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} %`;
}
