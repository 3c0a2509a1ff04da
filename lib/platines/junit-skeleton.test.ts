import { describe, expect, it } from "vitest";
import { evaluatePlatinesSession } from "./evaluation";
import { parseJunitReport } from "./junit-report";
import { junitSkeleton, junitSkeletonFileName } from "./junit-skeleton";

const plan = {
  name: "API FHIR du ROR — recherche & lecture",
  cases: [
    { identifier: "FHIR-ORG-01", title: "Recherche d'Organization <par nom>" },
    { identifier: "FHIR-PAG-01", title: "Limitation du nombre de résultats" },
  ],
};

function parsed(xml: string) {
  const result = parseJunitReport(new TextEncoder().encode(xml));
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

describe("the JUnit skeleton of a test plan", () => {
  it("is a report the portal reads, with every required case, named as the page shows it", () => {
    const report = parsed(junitSkeleton(plan));
    expect(report.testCases.map((c) => c.name)).toEqual(["FHIR-ORG-01 — Recherche d'Organization <par nom>", "FHIR-PAG-01 — Limitation du nombre de résultats"]);
    const evaluation = evaluatePlatinesSession({ sessionType: "CERTIFICATION", report, requiredCases: plan.cases });
    expect(evaluation).toMatchObject({ coverage: 1, extraCases: [] });
  });

  it("satisfies nothing when uploaded untouched: every case is still to run", () => {
    const report = parsed(junitSkeleton(plan));
    const evaluation = evaluatePlatinesSession({ sessionType: "CERTIFICATION", report, requiredCases: plan.cases });
    expect(evaluation.satisfied).toBe(false);
    expect(evaluation.casesNotExecuted).toBe(2);
  });

  it("has a plain file name", () => {
    expect(junitSkeletonFileName(plan.name)).toBe("squelette-junit-api-fhir-du-ror-recherche-lecture.xml");
  });
});
