import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluatePlatinesSession } from "./evaluation";
import { EXAMPLE_TEST_PLANS } from "./example-test-plans";
import { JUNIT_REPORT_ERRORS, parseJunitReport } from "./junit-report";
import { readSummary, summaryOf } from "./stored-summary";
import { latestByPlan, planVerdict } from "./verdict";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));
const [searchRead, pagingErrors] = EXAMPLE_TEST_PLANS;

function parsed(name: string) {
  const result = parseJunitReport(fixture(name));
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

describe("the sample reports of lib/platines/fixtures", () => {
  it("satisfy the example plans when passing, from a homologation session", () => {
    for (const [name, plan] of [
      ["homologation-recherche-lecture-succes.xml", searchRead!],
      ["homologation-pagination-erreurs-succes.xml", pagingErrors!],
    ] as const) {
      const evaluation = evaluatePlatinesSession({ sessionType: "CERTIFICATION", report: parsed(name), requiredCases: plan.cases });
      expect(evaluation).toMatchObject({ satisfied: true, coverage: 1, successRate: 1, totalCases: plan.cases.length });
    }
  });

  it("the failing one lists error, failure, not executed then missing first", () => {
    const evaluation = evaluatePlatinesSession({ sessionType: "CERTIFICATION", report: parsed("homologation-recherche-lecture-echecs.xml"), requiredCases: searchRead!.cases });
    expect(evaluation.satisfied).toBe(false);
    expect(evaluation.rows.slice(0, 4).map((row) => [row.identifier, row.status])).toEqual([
      ["FHIR-HCS-02", "erreur"],
      ["FHIR-ORG-02", "échec"],
      ["FHIR-PR-02", "non exécuté"],
      ["FHIR-LOC-02", "manquant"],
    ]);
    expect(evaluation).toMatchObject({ totalCases: 9, casesPassed: 6, coverage: 0.9 });
  });

  it.each([
    ["refus-pas-xml.pdf", JUNIT_REPORT_ERRORS.notXml],
    ["refus-pas-junit.xml", JUNIT_REPORT_ERRORS.notJunit("Bundle")],
    ["refus-aucun-cas.xml", JUNIT_REPORT_ERRORS.noTestCases],
    ["refus-entite-externe.xml", JUNIT_REPORT_ERRORS.doctype],
    ["refus-bombe-entites.xml", JUNIT_REPORT_ERRORS.doctype],
    ["refus-journaux-session.zip", JUNIT_REPORT_ERRORS.zip],
  ])("%s is refused with its message", (name, message) => {
    expect(parseJunitReport(fixture(name))).toEqual({ ok: false, error: message });
  });
});

describe("stored summary and verdict", () => {
  const report = parsed("homologation-recherche-lecture-succes.xml");
  const evaluation = evaluatePlatinesSession({ sessionType: "CERTIFICATION", report, requiredCases: searchRead!.cases });
  const summary = summaryOf(report, evaluation, { version: 1, requiredCases: searchRead!.cases });

  it("keeps what re-evaluation needs, and survives a JSON round trip", () => {
    const stored = readSummary(JSON.parse(JSON.stringify(summary)));
    expect(stored).toEqual(summary);
    expect(stored!.atSubmission).toMatchObject({ satisfied: true, totalCases: 10, planVersion: 1 });
    expect(readSummary({ format: 2 })).toBeNull();
  });

  it("re-evaluates the latest submission against the plan's current cases", () => {
    expect(planVerdict(searchRead!.cases, null).state).toBe("noSubmission");
    expect(planVerdict(searchRead!.cases, { sessionType: "CERTIFICATION", summary }).state).toBe("satisfied");
    expect(planVerdict(searchRead!.cases, { sessionType: "ACCEPTANCE", summary }).state).toBe("notSatisfied");
    const grown = [...searchRead!.cases, { identifier: "FHIR-NEW-01", title: "Nouveau cas" }];
    const verdict = planVerdict(grown, { sessionType: "CERTIFICATION", summary });
    expect(verdict.state).toBe("notSatisfied");
    expect(verdict.evaluation?.missing).toEqual([{ identifier: "FHIR-NEW-01", title: "Nouveau cas" }]);
    expect(planVerdict(searchRead!.cases, { sessionType: "CERTIFICATION", summary: { broken: true } }).state).toBe("notSatisfied");
  });

  it("keeps the newest submission of each plan", () => {
    const at = (day: number) => new Date(Date.UTC(2026, 2, day));
    const latest = latestByPlan([
      { id: "a", planId: "p1", submittedAt: at(1) },
      { id: "b", planId: "p1", submittedAt: at(3) },
      { id: "c", planId: "p2", submittedAt: at(2) },
      { id: "d", planId: "p1", submittedAt: at(2) },
    ]);
    expect([...latest.entries()].map(([plan, s]) => [plan, s.id])).toEqual([["p1", "b"], ["p2", "c"]]);
  });
});
