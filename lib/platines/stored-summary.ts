// What a submission keeps of its report besides the file itself: the test cases in compact form (so the session can
// be evaluated again against the plan's current required cases without re-reading the XML) and the figures of the
// evaluation made at submission. Pure.
import { z } from "zod";
import { evaluatePlatinesSession, type PlatinesEvaluation, type PlatinesSessionType, type RequiredCase } from "./evaluation";
import type { JunitOutcome, JunitReport } from "./junit-report";

const OUTCOMES = ["passed", "failure", "error", "skipped"] as const satisfies readonly JunitOutcome[];

const storedCase = z.object({
  n: z.string(),
  o: z.enum(OUTCOMES),
  m: z.string().nullable().optional(),
});

const storedSummary = z.object({
  format: z.literal(1),
  suiteCount: z.number().int(),
  cases: z.array(storedCase),
  atSubmission: z.object({
    planVersion: z.number().int(),
    requiredCases: z.array(z.object({ identifier: z.string(), title: z.string() })),
    totalCases: z.number().int(),
    casesPassed: z.number().int(),
    casesFailed: z.number().int(),
    casesInError: z.number().int(),
    casesNotExecuted: z.number().int(),
    successRate: z.number(),
    coverage: z.number(),
    satisfied: z.boolean(),
    reasons: z.array(z.string()),
  }),
});

export type StoredSummary = z.infer<typeof storedSummary>;

/** The summary stored with a new submission. Stack traces are left in the report file; messages are kept. */
export function summaryOf(report: JunitReport, evaluation: PlatinesEvaluation, plan: { version: number; requiredCases: readonly RequiredCase[] }): StoredSummary {
  return {
    format: 1,
    suiteCount: report.suiteCount,
    cases: report.testCases.map((c) => (c.outcome === "passed" ? { n: c.name, o: c.outcome } : { n: c.name, o: c.outcome, m: c.message })),
    atSubmission: {
      planVersion: plan.version,
      requiredCases: plan.requiredCases.map((c) => ({ identifier: c.identifier, title: c.title })),
      totalCases: evaluation.totalCases,
      casesPassed: evaluation.casesPassed,
      casesFailed: evaluation.casesFailed,
      casesInError: evaluation.casesInError,
      casesNotExecuted: evaluation.casesNotExecuted,
      successRate: evaluation.successRate,
      coverage: evaluation.coverage,
      satisfied: evaluation.satisfied,
      reasons: evaluation.reasons,
    },
  };
}

/** The stored summary, or null when the JSON is not one (never trusted blindly, even from our own database). */
export function readSummary(json: unknown): StoredSummary | null {
  const parsed = storedSummary.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The report as the evaluation needs it, rebuilt from the summary. */
export function reportFromSummary(summary: StoredSummary): JunitReport {
  return {
    suiteCount: summary.suiteCount,
    testCases: summary.cases.map((c) => ({
      name: c.n,
      className: "",
      suitePath: [],
      timeSeconds: null,
      outcome: c.o,
      message: c.m ?? null,
      details: null,
    })),
  };
}

/** The session evaluated against the plan's current required cases. */
export function evaluateStored(summary: StoredSummary, sessionType: PlatinesSessionType, requiredCases: readonly RequiredCase[]): PlatinesEvaluation {
  return evaluatePlatinesSession({ sessionType, report: reportFromSummary(summary), requiredCases });
}
