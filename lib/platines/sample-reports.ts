// JUnit XML reports written the way SoapUI/ReadyAPI runners write them, for the fixtures, tests and demos.
// Pure: the same inputs give the same bytes.
import type { JunitOutcome } from "./junit-report";
import type { RequiredCase } from "./evaluation";

export type SampleCase = RequiredCase & { outcome: JunitOutcome; message?: string };

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A report of one project suite whose test cases are named "[IDENTIFIER] title". */
export function sampleJunitReport(projectName: string, cases: readonly SampleCase[]): string {
  const count = (outcome: JunitOutcome) => cases.filter((c) => c.outcome === outcome).length;
  const body = cases
    .map((c, index) => {
      const head = `    <testcase name="[${escape(c.identifier)}] ${escape(c.title)}" classname="${escape(projectName)}" time="0.${String(100 + index * 7).slice(-3)}"`;
      const message = escape(c.message ?? "");
      switch (c.outcome) {
        case "passed":
          return `${head}/>`;
        case "failure":
          return `${head}>\n      <failure message="${message}" type="AssertionError">Assertion échouée : ${message}</failure>\n    </testcase>`;
        case "error":
          return `${head}>\n      <error message="${message}" type="SocketTimeoutException">${message}</error>\n    </testcase>`;
        case "skipped":
          return `${head}>\n      <skipped/>\n    </testcase>`;
      }
    })
    .join("\n");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${escape(projectName)}" tests="${cases.length}" failures="${count("failure")}" errors="${count("error")}">\n` +
    `  <testsuite name="${escape(projectName)}" tests="${cases.length}" failures="${count("failure")}" errors="${count("error")}" skipped="${count("skipped")}">\n` +
    `${body}\n  </testsuite>\n</testsuites>\n`
  );
}

/** Every case passed. */
export function passingReport(projectName: string, cases: readonly RequiredCase[]): string {
  return sampleJunitReport(projectName, cases.map((c) => ({ ...c, outcome: "passed" as const })));
}
