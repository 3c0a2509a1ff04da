// The verdict on one PLATINES session: each test case of the JUnit report in PLATINES' own words, matched against
// the required cases of the test plan the session executes. Shown to the editor as a table (failing cases first)
// and used by the service's completeness panel and by the ANS reviewer.
//
// Matching rule (runners name cases freely, so we accept the forms test projects commonly use):
//   a test case matches a required case when, compared without case and surrounding spaces, the required
//   identifier equals the bracketed prefix of its name ("[FHIR-ORG-01] Recherche par nom"), or its prefix before
//   a colon ("FHIR-ORG-01: Recherche par nom"), or its prefix before a dash surrounded by spaces or a tab, the form
//   the portal shows the plan in ("FHIR-ORG-01 — Recherche par nom", with an em dash, an en dash or a hyphen), or
//   its whole name ("FHIR-ORG-01"). These candidates are tried in this order; a case matching none is an extra
//   case, reported under its first candidate. MATCHING_RULE_TEXT says the same to editors.
// Duplicated cases (several test cases for one identifier, e.g. a case re-run in the same session): the worst
// status wins, because a success cannot hide a failure of the same case, and the duplication is reported.
// Counts (total, passed, success rate) are over every test case of the report, as PLATINES counts them.
import type { JunitOutcome, JunitReport, JunitTestCase } from "./junit-report";

export type PlatinesSessionType = "SANDBOX" | "ACCEPTANCE" | "CERTIFICATION";

export const SESSION_TYPE_LABELS: Record<PlatinesSessionType, string> = {
  SANDBOX: "bac à sable",
  ACCEPTANCE: "recette",
  CERTIFICATION: "homologation",
};

/** A test case's status, in PLATINES' words. */
export type PlatinesCaseStatus = "succès" | "échec" | "erreur" | "non exécuté";
/** A required case's status: one of PLATINES' statuses, or absent from the report. */
export type RequiredCaseStatus = PlatinesCaseStatus | "manquant";

const STATUS_OF_OUTCOME: Record<JunitOutcome, PlatinesCaseStatus> = {
  passed: "succès",
  failure: "échec",
  error: "erreur",
  skipped: "non exécuté",
};

/** Table order, failing cases first; also the severity used when one identifier appears several times. */
const STATUS_RANK: Record<RequiredCaseStatus, number> = {
  erreur: 0,
  échec: 1,
  "non exécuté": 2,
  manquant: 3,
  succès: 4,
};

export interface RequiredCase {
  identifier: string;
  title: string;
}

export interface PlatinesSessionInput {
  sessionType: PlatinesSessionType;
  report: JunitReport;
  requiredCases: readonly RequiredCase[];
}

export interface EvaluationRow {
  identifier: string;
  /** The plan's title for a required case; the test case's name for an extra case. */
  title: string;
  required: boolean;
  status: RequiredCaseStatus;
  /** Names of the report's test cases matched to this row (empty when missing). */
  testCaseNames: string[];
  /** How many test cases of the report matched; more than 1 means a duplicated case. */
  occurrences: number;
  /** Message of the worst occurrence, when the runner gave one. */
  message: string | null;
  details: string | null;
}

export interface DuplicatedCase {
  identifier: string;
  occurrences: number;
  status: PlatinesCaseStatus;
}

export interface PlatinesEvaluation {
  sessionType: PlatinesSessionType;
  sessionTypeLabel: string;
  totalCases: number;
  casesPassed: number;
  casesFailed: number;
  casesInError: number;
  casesNotExecuted: number;
  /** casesPassed / totalCases, between 0 and 1. */
  successRate: number;
  requiredCount: number;
  requiredPresent: number;
  /** requiredPresent / requiredCount, between 0 and 1 (0 for a plan without required cases). */
  coverage: number;
  missing: RequiredCase[];
  failed: RequiredCase[];
  inError: RequiredCase[];
  notExecuted: RequiredCase[];
  extraCases: EvaluationRow[];
  duplicates: DuplicatedCase[];
  /** Required cases then extra cases, failing first (erreur, échec, non exécuté, manquant, succès). */
  rows: EvaluationRow[];
  satisfied: boolean;
  /** Why the plan is not satisfied, in French; empty when satisfied. */
  reasons: string[];
}

function normalize(identifier: string): string {
  return identifier.trim().toLowerCase();
}

const BRACKET_PREFIX = /^\s*\[([^\]]+)\]/;
const COLON_PREFIX = /^\s*([^\s:]+)\s*:/;
/** The separator of the plan's own "identifier — title" lines (lib/platines/test-plan-schema.ts). */
const DASH_PREFIX = /^\s*(\S+)(?:\s+[—–-]\s+|\t+)/;

/** The matching rule above, as the editor's PLATINES page says it. */
export const MATCHING_RULE_TEXT =
  "Un cas de test du rapport est reconnu quand son nom (attribut name de l'élément testcase) est l'identifiant du cas " +
  "requis, seul (« FHIR-ORG-01 ») ou suivi de l'intitulé tel que cette page l'affiche (« FHIR-ORG-01 — Recherche par " +
  "nom », avec un tiret cadratin, demi-cadratin ou un trait d'union entouré d'espaces), de deux-points " +
  "(« FHIR-ORG-01: Recherche par nom ») ou entre crochets (« [FHIR-ORG-01] Recherche par nom »). Les majuscules ne " +
  "comptent pas. Un cas répété compte une fois, avec son plus mauvais résultat.";

/** The identifiers a test case may carry, most specific first (see the matching rule above). */
export function candidateIdentifiers(name: string): string[] {
  const candidates: string[] = [];
  const bracket = BRACKET_PREFIX.exec(name)?.[1]?.trim();
  if (bracket) candidates.push(bracket);
  const colon = COLON_PREFIX.exec(name)?.[1]?.trim();
  if (colon) candidates.push(colon);
  const dash = DASH_PREFIX.exec(name)?.[1]?.trim();
  if (dash) candidates.push(dash);
  if (name.trim() !== "") candidates.push(name.trim());
  return candidates;
}

interface Group {
  identifier: string;
  cases: JunitTestCase[];
  worst: JunitTestCase;
}

function statusOf(testCase: JunitTestCase): PlatinesCaseStatus {
  return STATUS_OF_OUTCOME[testCase.outcome];
}

function addTo(groups: Map<string, Group>, key: string, identifier: string, testCase: JunitTestCase) {
  const group = groups.get(key);
  if (group === undefined) {
    groups.set(key, { identifier, cases: [testCase], worst: testCase });
    return;
  }
  group.cases.push(testCase);
  if (STATUS_RANK[statusOf(testCase)] < STATUS_RANK[statusOf(group.worst)]) group.worst = testCase;
}

function rowOf(group: Group, title: string, required: boolean): EvaluationRow {
  return {
    identifier: group.identifier,
    title,
    required,
    status: statusOf(group.worst),
    testCaseNames: group.cases.map((testCase) => testCase.name),
    occurrences: group.cases.length,
    message: group.worst.message,
    details: group.worst.details,
  };
}

function list(cases: readonly RequiredCase[]): string {
  return cases.map((required) => required.identifier).join(", ");
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

export function evaluatePlatinesSession(input: PlatinesSessionInput): PlatinesEvaluation {
  const { sessionType, report, requiredCases } = input;
  const requiredByKey = new Map<string, RequiredCase>();
  for (const required of requiredCases) requiredByKey.set(normalize(required.identifier), required);

  const requiredGroups = new Map<string, Group>();
  const extraGroups = new Map<string, Group>();
  const counts: Record<PlatinesCaseStatus, number> = { succès: 0, échec: 0, erreur: 0, "non exécuté": 0 };
  for (const testCase of report.testCases) {
    counts[statusOf(testCase)]++;
    const candidates = candidateIdentifiers(testCase.name);
    const match = candidates.find((candidate) => requiredByKey.has(normalize(candidate)));
    if (match !== undefined) {
      const required = requiredByKey.get(normalize(match))!;
      addTo(requiredGroups, normalize(match), required.identifier, testCase);
    } else {
      const identifier = candidates[0] ?? "(sans nom)";
      addTo(extraGroups, normalize(identifier), identifier, testCase);
    }
  }

  const missing: RequiredCase[] = [];
  const failed: RequiredCase[] = [];
  const inError: RequiredCase[] = [];
  const notExecuted: RequiredCase[] = [];
  const requiredRows: EvaluationRow[] = [];
  for (const [key, required] of requiredByKey) {
    const group = requiredGroups.get(key);
    if (group === undefined) {
      missing.push(required);
      requiredRows.push({
        identifier: required.identifier,
        title: required.title,
        required: true,
        status: "manquant",
        testCaseNames: [],
        occurrences: 0,
        message: null,
        details: null,
      });
      continue;
    }
    const row = rowOf(group, required.title, true);
    if (row.status === "échec") failed.push(required);
    else if (row.status === "erreur") inError.push(required);
    else if (row.status === "non exécuté") notExecuted.push(required);
    requiredRows.push(row);
  }
  const extraCases = [...extraGroups.values()].map((group) => rowOf(group, group.cases[0]?.name ?? "", false));
  const duplicates: DuplicatedCase[] = [...requiredGroups.values(), ...extraGroups.values()]
    .filter((group) => group.cases.length > 1)
    .map((group) => ({ identifier: group.identifier, occurrences: group.cases.length, status: statusOf(group.worst) }));

  // Array.prototype.sort is stable: within a status, plan order then report order are kept.
  const rows = [...requiredRows, ...extraCases].sort(
    (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || Number(b.required) - Number(a.required),
  );

  const totalCases = report.testCases.length;
  const requiredCount = requiredByKey.size;
  const requiredPresent = requiredCount - missing.length;

  const reasons: string[] = [];
  if (sessionType !== "CERTIFICATION") {
    reasons.push(
      `La session est de type « ${SESSION_TYPE_LABELS[sessionType]} » : seule une session d'homologation peut ` +
        "valider le plan de tests.",
    );
  }
  if (requiredCount === 0) reasons.push("Le plan de tests ne définit aucun cas de test requis.");
  if (missing.length > 0) {
    reasons.push(`${plural(missing.length, "cas requis absent", "cas requis absents")} du rapport : ${list(missing)}.`);
  }
  if (inError.length > 0) reasons.push(`${plural(inError.length, "cas requis en erreur", "cas requis en erreur")} : ${list(inError)}.`);
  if (failed.length > 0) reasons.push(`${plural(failed.length, "cas requis en échec", "cas requis en échec")} : ${list(failed)}.`);
  if (notExecuted.length > 0) {
    reasons.push(`${plural(notExecuted.length, "cas requis non exécuté", "cas requis non exécutés")} : ${list(notExecuted)}.`);
  }

  return {
    sessionType,
    sessionTypeLabel: SESSION_TYPE_LABELS[sessionType],
    totalCases,
    casesPassed: counts.succès,
    casesFailed: counts.échec,
    casesInError: counts.erreur,
    casesNotExecuted: counts["non exécuté"],
    successRate: totalCases === 0 ? 0 : counts.succès / totalCases,
    requiredCount,
    requiredPresent,
    coverage: requiredCount === 0 ? 0 : requiredPresent / requiredCount,
    missing,
    failed,
    inError,
    notExecuted,
    extraCases,
    duplicates,
    rows,
    satisfied: reasons.length === 0,
    reasons,
  };
}
