// Time to parse and evaluate an uploaded PLATINES JUnit report of 2,000 test cases against a 2,000-case plan: the
// work done on every submission. Target: under 50 ms median. Also reports the memory the work takes.
// The report mixes successes, failures (with messages and stack traces), errors and skipped cases in nested
// suites, so every branch of the parser and of the evaluation runs.
// Usage: npx tsx e2e/bench/platines.ts
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { evaluatePlatinesSession, type RequiredCase } from "../../lib/platines/evaluation";
import { parseJunitReport, type JunitReport } from "../../lib/platines/junit-report";
import { evaluateStored, readSummary, summaryOf } from "../../lib/platines/stored-summary";

const CASES = 2_000;
const WARM_UP = 10;
const ITERATIONS = 50;

function generateReport(): { bytes: Uint8Array; requiredCases: RequiredCase[] } {
  const requiredCases: RequiredCase[] = [];
  const suites: string[] = [];
  for (let suite = 0; suite < 20; suite++) {
    const cases: string[] = [];
    for (let i = 0; i < CASES / 20; i++) {
      const identifier = `FHIR-${String(suite).padStart(2, "0")}-${String(i).padStart(3, "0")}`;
      requiredCases.push({ identifier, title: `Recherche et lecture n° ${i} de la ressource ${suite}` });
      const head = `<testcase name="[${identifier}] Recherche Organization par identifiant &amp; pagination" classname="Annuaire.Suite${suite}" time="0.${i}">`;
      if (i % 50 === 1) {
        cases.push(`${head}<failure message="Statut HTTP 404 au lieu de 200" type="AssertionError">${"at com.eviware.soapui.Assertion.check(Assertion.java:42)\n".repeat(20)}</failure></testcase>`);
      } else if (i % 50 === 2) {
        cases.push(`${head}<error message="Connexion refusée"><![CDATA[java.net.ConnectException: Connection refused]]></error></testcase>`);
      } else if (i % 50 === 3) {
        cases.push(`${head}<skipped/></testcase>`);
      } else {
        cases.push(`${head}<system-out>GET /fhir/Organization?identifier=${i} 200</system-out></testcase>`);
      }
    }
    suites.push(`<testsuite name="Projet"><testsuite name="Suite ${suite}" tests="${CASES / 20}">${cases.join("\n")}</testsuite></testsuite>`);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="PLATINES">${suites.join("\n")}</testsuites>`;
  return { bytes: new TextEncoder().encode(xml), requiredCases };
}

function accept(result: ReturnType<typeof parseJunitReport>): JunitReport {
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

/** Child mode: one run, printed as JSON for the parent. */
function measureMemory() {
  const { bytes, requiredCases } = generateReport();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  gc();
  const before = process.memoryUsage();
  const report = accept(parseJunitReport(bytes));
  const evaluation = evaluatePlatinesSession({ sessionType: "CERTIFICATION", report, requiredCases });
  const after = process.memoryUsage();
  gc();
  const retained = process.memoryUsage().heapUsed - before.heapUsed;
  if (evaluation.totalCases !== CASES) throw new Error("Unexpected evaluation");
  console.log(JSON.stringify({ allocated: after.heapUsed - before.heapUsed, retained, rss: after.rss - before.rss, rssAfter: after.rss }));
}

function main() {
  const { bytes, requiredCases } = generateReport();

  function once(): number {
    const started = performance.now();
    const parsed = parseJunitReport(bytes);
    if (!parsed.ok) throw new Error(parsed.error);
    const evaluation = evaluatePlatinesSession({ sessionType: "CERTIFICATION", report: parsed.report, requiredCases });
    if (evaluation.totalCases !== CASES || evaluation.satisfied) throw new Error("Unexpected evaluation");
    return performance.now() - started;
  }

  for (let i = 0; i < WARM_UP; i++) once();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) times.push(once());
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;

  const mib = (value: number) => (value / 1024 / 1024).toFixed(2);
  console.log(`parse + evaluate a ${CASES}-case JUnit report (${(bytes.length / 1024).toFixed(0)} KiB), ${ITERATIONS} iterations after ${WARM_UP} warm-up:`);
  console.log(`  median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, min ${at(0).toFixed(2)} ms (target: median under 50 ms)`);
  // Memory is measured in a fresh process: there the baseline is clean, and a young generation big enough that
  // no collection runs during the single measured run makes the heap growth an upper bound of the peak.
  const output = execFileSync(
    process.execPath,
    [...process.execArgv, "--expose-gc", "--min-semi-space-size=64", "--max-semi-space-size=128", fileURLToPath(import.meta.url), "--memory"],
    { encoding: "utf8" },
  );
  const memory = JSON.parse(output) as { allocated: number; retained: number; rss: number; rssAfter: number };
  console.log(
    `  memory of one run (fresh process): heap growth during the run ${mib(memory.allocated)} MiB (upper bound of the ` +
      `peak), retained by the results ${mib(memory.retained)} MiB, rss delta ${mib(memory.rss)} MiB (rss ${mib(memory.rssAfter)} MiB, mostly the runtime)`,
  );
  const evaluation = evaluatePlatinesSession({ sessionType: "CERTIFICATION", report: accept(parseJunitReport(bytes)), requiredCases });
  console.log(`  evaluation: ${evaluation.casesPassed}/${evaluation.totalCases} passed, ${evaluation.rows.length} rows, satisfied=${evaluation.satisfied}`);

  // What every page showing a verdict does: read the stored summary (JSON from Postgres) and evaluate it again
  // against the plan's current required cases.
  const json = JSON.stringify(summaryOf(accept(parseJunitReport(bytes)), evaluation, { version: 1, requiredCases }));
  const reevaluations: number[] = [];
  for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
    const started = performance.now();
    const summary = readSummary(JSON.parse(json));
    if (summary === null || evaluateStored(summary, "CERTIFICATION", requiredCases).totalCases !== CASES) throw new Error("Unexpected summary");
    if (i >= WARM_UP) reevaluations.push(performance.now() - started);
  }
  reevaluations.sort((a, b) => a - b);
  console.log(
    `  re-evaluation from the stored summary (${(json.length / 1024).toFixed(0)} KiB of JSON): median ${reevaluations[Math.floor(reevaluations.length / 2)]!.toFixed(2)} ms`,
  );
}

if (process.argv.includes("--memory")) measureMemory();
else main();
