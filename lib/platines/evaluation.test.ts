import { describe, expect, it } from "vitest";
import { candidateIdentifiers, evaluatePlatinesSession, SESSION_TYPE_LABELS, type PlatinesSessionType, type RequiredCase } from "./evaluation";
import { parseJunitReport, type JunitReport } from "./junit-report";

const plan: RequiredCase[] = [
  { identifier: "FHIR-ORG-01", title: "Recherche d'Organization par identifiant" },
  { identifier: "FHIR-HS-01", title: "Lecture d'un HealthcareService" },
  { identifier: "FHIR-LOC-01", title: "Recherche de Location" },
  { identifier: "FHIR-PAGE-01", title: "Pagination des résultats" },
];

function report(xml: string): JunitReport {
  const result = parseJunitReport(new TextEncoder().encode(xml));
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

function suite(...cases: string[]): JunitReport {
  return report(`<testsuites><testsuite name="Annuaire FHIR">${cases.join("")}</testsuite></testsuites>`);
}

const pass = (name: string) => `<testcase name="${name}" classname="Annuaire" time="0.1"/>`;
const fail = (name: string, message = "Statut HTTP 500") => `<testcase name="${name}"><failure message="${message}">trace</failure></testcase>`;
const error = (name: string) => `<testcase name="${name}"><error message="Délai dépassé"/></testcase>`;
const skip = (name: string) => `<testcase name="${name}"><skipped/></testcase>`;

function evaluate(testReport: JunitReport, sessionType: PlatinesSessionType = "CERTIFICATION", requiredCases = plan) {
  return evaluatePlatinesSession({ sessionType, report: testReport, requiredCases });
}

describe("evaluatePlatinesSession", () => {
  it("satisfies the plan when a homologation session passes every required case", () => {
    const result = evaluate(suite(pass("FHIR-ORG-01"), pass("FHIR-HS-01"), pass("FHIR-LOC-01"), pass("FHIR-PAGE-01")));
    expect(result).toMatchObject({
      sessionTypeLabel: "homologation",
      totalCases: 4,
      casesPassed: 4,
      successRate: 1,
      requiredCount: 4,
      requiredPresent: 4,
      coverage: 1,
      missing: [],
      failed: [],
      inError: [],
      notExecuted: [],
      extraCases: [],
      duplicates: [],
      satisfied: true,
      reasons: [],
    });
    expect(result.rows.map((row) => row.status)).toEqual(["succès", "succès", "succès", "succès"]);
    expect(result.rows[0]).toMatchObject({ identifier: "FHIR-ORG-01", title: "Recherche d'Organization par identifiant", required: true, occurrences: 1 });
  });

  it("does not satisfy the plan from a sandbox or acceptance session, even when all pass", () => {
    const all = suite(pass("FHIR-ORG-01"), pass("FHIR-HS-01"), pass("FHIR-LOC-01"), pass("FHIR-PAGE-01"));
    for (const sessionType of ["SANDBOX", "ACCEPTANCE"] as const) {
      const result = evaluate(all, sessionType);
      expect(result.successRate).toBe(1);
      expect(result.satisfied).toBe(false);
      expect(result.reasons).toEqual([
        `La session est de type « ${SESSION_TYPE_LABELS[sessionType]} » : seule une session d'homologation peut valider le plan de tests.`,
      ]);
    }
    expect(SESSION_TYPE_LABELS).toEqual({ SANDBOX: "bac à sable", ACCEPTANCE: "recette", CERTIFICATION: "homologation" });
  });

  it("lists one failed case first, with its message", () => {
    const result = evaluate(suite(pass("FHIR-ORG-01"), pass("FHIR-HS-01"), fail("FHIR-LOC-01", "Bundle vide"), pass("FHIR-PAGE-01")));
    expect(result).toMatchObject({ casesPassed: 3, casesFailed: 1, successRate: 0.75, coverage: 1, satisfied: false });
    expect(result.failed.map((required) => required.identifier)).toEqual(["FHIR-LOC-01"]);
    expect(result.rows[0]).toMatchObject({ identifier: "FHIR-LOC-01", status: "échec", message: "Bundle vide", details: "trace" });
    expect(result.reasons).toEqual(["1 cas requis en échec : FHIR-LOC-01."]);
  });

  it("reports errors and not-executed cases, errors first", () => {
    const result = evaluate(suite(skip("FHIR-ORG-01"), error("FHIR-HS-01"), fail("FHIR-LOC-01"), pass("FHIR-PAGE-01")));
    expect(result).toMatchObject({ casesPassed: 1, casesFailed: 1, casesInError: 1, casesNotExecuted: 1, successRate: 0.25 });
    expect(result.inError.map((required) => required.identifier)).toEqual(["FHIR-HS-01"]);
    expect(result.notExecuted.map((required) => required.identifier)).toEqual(["FHIR-ORG-01"]);
    expect(result.rows.map((row) => [row.identifier, row.status])).toEqual([
      ["FHIR-HS-01", "erreur"],
      ["FHIR-LOC-01", "échec"],
      ["FHIR-ORG-01", "non exécuté"],
      ["FHIR-PAGE-01", "succès"],
    ]);
    expect(result.reasons).toEqual([
      "1 cas requis en erreur : FHIR-HS-01.",
      "1 cas requis en échec : FHIR-LOC-01.",
      "1 cas requis non exécuté : FHIR-ORG-01.",
    ]);
  });

  it("reports missing required cases and extra cases", () => {
    const result = evaluate(suite(pass("FHIR-ORG-01"), pass("FHIR-HS-01"), pass("TEST-LIBRE-01")));
    expect(result).toMatchObject({ totalCases: 3, casesPassed: 3, successRate: 1, requiredPresent: 2, coverage: 0.5, satisfied: false });
    expect(result.missing.map((required) => required.identifier)).toEqual(["FHIR-LOC-01", "FHIR-PAGE-01"]);
    expect(result.extraCases).toMatchObject([{ identifier: "TEST-LIBRE-01", required: false, status: "succès" }]);
    expect(result.rows.map((row) => [row.identifier, row.status, row.required])).toEqual([
      ["FHIR-LOC-01", "manquant", true],
      ["FHIR-PAGE-01", "manquant", true],
      ["FHIR-ORG-01", "succès", true],
      ["FHIR-HS-01", "succès", true],
      ["TEST-LIBRE-01", "succès", false],
    ]);
    expect(result.reasons).toEqual(["2 cas requis absents du rapport : FHIR-LOC-01, FHIR-PAGE-01."]);
  });

  it("lets the worst status of a duplicated case win and reports it", () => {
    const result = evaluate(
      suite(pass("FHIR-ORG-01"), fail("FHIR-ORG-01"), pass("FHIR-ORG-01"), pass("FHIR-HS-01"), pass("FHIR-LOC-01"), pass("FHIR-PAGE-01"), pass("X"), pass("X")),
    );
    expect(result).toMatchObject({ totalCases: 8, casesPassed: 7, casesFailed: 1, satisfied: false });
    expect(result.rows[0]).toMatchObject({ identifier: "FHIR-ORG-01", status: "échec", occurrences: 3 });
    expect(result.duplicates).toEqual([
      { identifier: "FHIR-ORG-01", occurrences: 3, status: "échec" },
      { identifier: "X", occurrences: 2, status: "succès" },
    ]);
  });

  it("counts the cases of nested suites", () => {
    const nested = report(
      `<testsuites><testsuite name="FHIR"><testsuite name="Organization">${pass("FHIR-ORG-01")}</testsuite>` +
        `<testsuite name="Services"><testsuite name="Lecture">${pass("FHIR-HS-01")}</testsuite></testsuite></testsuite>` +
        `<testsuite name="Autres">${pass("FHIR-LOC-01")}${pass("FHIR-PAGE-01")}</testsuite></testsuites>`,
    );
    expect(evaluate(nested)).toMatchObject({ totalCases: 4, casesPassed: 4, coverage: 1, satisfied: true });
  });

  it("matches identifiers in brackets, before a colon, or as the whole name, ignoring case", () => {
    const result = evaluate(
      suite(pass("[FHIR-ORG-01] Recherche par identifiant"), pass("fhir-hs-01: Lecture"), pass("  FHIR-LOC-01  "), pass("FHIR-PAGE-01 : Page suivante")),
    );
    expect(result).toMatchObject({ coverage: 1, extraCases: [], satisfied: true });
    expect(result.rows[0]).toMatchObject({ identifier: "FHIR-ORG-01", testCaseNames: ["[FHIR-ORG-01] Recherche par identifiant"] });
    expect(candidateIdentifiers("[A-1] B: c")).toEqual(["A-1", "[A-1] B: c"]);
    expect(candidateIdentifiers("B-2: x")).toEqual(["B-2", "B-2: x"]);
    expect(candidateIdentifiers("Recherche simple")).toEqual(["Recherche simple"]);
  });

  it("matches a case named as the page lists it: identifier, a dash, then the title", () => {
    const result = evaluate(
      suite(
        pass("FHIR-ORG-01 — Recherche d'Organization"),
        pass("FHIR-HS-01 – Lecture d'un HealthcareService"),
        pass("FHIR-LOC-01 - Lecture d'une Location"),
        pass("FHIR-PAGE-01&#9;Page suivante"),
      ),
    );
    expect(result).toMatchObject({ coverage: 1, extraCases: [], satisfied: true });
    expect(candidateIdentifiers("FHIR-PAG-01 — Limitation du nombre de résultats")).toEqual(["FHIR-PAG-01", "FHIR-PAG-01 — Limitation du nombre de résultats"]);
    // A hyphen inside the identifier is not a separator.
    expect(candidateIdentifiers("FHIR-PAG-01")).toEqual(["FHIR-PAG-01"]);
  });

  it("never satisfies a plan without required cases", () => {
    const result = evaluate(suite(pass("A")), "CERTIFICATION", []);
    expect(result).toMatchObject({ coverage: 0, satisfied: false, reasons: ["Le plan de tests ne définit aucun cas de test requis."] });
  });
});
