import { describe, expect, it } from "vitest";
import {
  JUNIT_REPORT_ERRORS,
  MAX_JUNIT_REPORT_BYTES,
  MAX_TEST_CASES,
  MAX_TEXT_CHARS,
  parseJunitReport,
  type JunitReport,
  type JunitReportResult,
} from "./junit-report";

const encode = (text: string) => new TextEncoder().encode(text);

function accepted(result: JunitReportResult): JunitReport {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result.report;
}

/** Every refusal must come back fast, whatever the input tries to make the parser do. */
function refused(bytes: Uint8Array): string {
  const started = performance.now();
  const result = parseJunitReport(bytes);
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(500);
  if (result.ok) throw new Error("accepted a bad report");
  return result.error;
}

describe("parseJunitReport on SoapUI-style reports", () => {
  it("reads test cases, their outcome, message and details", () => {
    const report = accepted(
      parseJunitReport(
        encode(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="Projet PLATINES">
  <testsuite name="Organization" tests="4">
    <properties><property name="env" value="recette"/></properties>
    <testcase name="FHIR-ORG-01" classname="Organization" time="0.120"/>
    <testcase name="FHIR-ORG-02" classname="Organization" time="1,5">
      <failure message="Statut HTTP 404 au lieu de 200" type="AssertionError">Assertion &lt;Valid HTTP Status Codes&gt; échouée</failure>
    </testcase>
    <testcase name="FHIR-ORG-03" classname="Organization"><error message="Connexion refusée"><![CDATA[java.net.ConnectException]]></error></testcase>
    <testcase name="FHIR-ORG-04" classname="Organization"><skipped/><system-out>ignoré</system-out></testcase>
  </testsuite>
</testsuites>`),
      ),
    );
    expect(report.suiteCount).toBe(1);
    expect(report.testCases.map((testCase) => [testCase.name, testCase.outcome])).toEqual([
      ["FHIR-ORG-01", "passed"],
      ["FHIR-ORG-02", "failure"],
      ["FHIR-ORG-03", "error"],
      ["FHIR-ORG-04", "skipped"],
    ]);
    const [passed, failure, error, skipped] = report.testCases;
    expect(passed).toMatchObject({ className: "Organization", timeSeconds: 0.12, message: null, details: null, suitePath: ["Organization"] });
    expect(failure).toMatchObject({ message: "Statut HTTP 404 au lieu de 200", details: "Assertion <Valid HTTP Status Codes> échouée", timeSeconds: 1.5 });
    expect(error).toMatchObject({ message: "Connexion refusée", details: "java.net.ConnectException" });
    expect(skipped).toMatchObject({ message: null, details: null });
  });

  it("accepts a single <testsuite> root and nested suites", () => {
    const report = accepted(
      parseJunitReport(
        encode(
          `<testsuite name="Projet"><testsuite name="Location"><testcase name="A"/></testsuite>` +
            `<testsuite name="Paging"><testsuite name="Bundle"><testcase name="B"/></testsuite></testsuite><testcase name="C"/></testsuite>`,
        ),
      ),
    );
    expect(report.suiteCount).toBe(4);
    expect(report.testCases.map((testCase) => testCase.suitePath)).toEqual([
      ["Projet", "Location"],
      ["Projet", "Paging", "Bundle"],
      ["Projet"],
    ]);
  });

  it("keeps the worst of several result children", () => {
    const report = accepted(
      parseJunitReport(encode(`<testsuite><testcase name="A"><skipped message="s"/><error message="e"/><failure message="f"/></testcase></testsuite>`)),
    );
    expect(report.testCases[0]).toMatchObject({ outcome: "error", message: "e" });
  });

  it("caps the text kept per case", () => {
    const long = "x".repeat(50_000);
    const report = accepted(parseJunitReport(encode(`<testsuite><testcase name="A"><failure message="${long}">${long}</failure></testcase></testsuite>`)));
    expect(report.testCases[0]?.message?.length).toBe(MAX_TEXT_CHARS);
    expect(report.testCases[0]?.details?.length).toBe(MAX_TEXT_CHARS);
  });

  it("accepts a UTF-8 BOM and an ISO-8859-1 report", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(`<testsuite><testcase name="é"/></testsuite>`)]);
    expect(accepted(parseJunitReport(bom)).testCases[0]?.name).toBe("é");
    const latin1 = new Uint8Array([...encode(`<?xml version="1.0" encoding="ISO-8859-1"?><testsuite><testcase name="`), 0xe9, ...encode(`"/></testsuite>`)]);
    expect(accepted(parseJunitReport(latin1)).testCases[0]?.name).toBe("é");
  });
});

describe("parseJunitReport on bad input", () => {
  it("refuses an empty file", () => {
    expect(refused(new Uint8Array())).toBe(JUNIT_REPORT_ERRORS.empty);
  });

  it("refuses a file that is not XML", () => {
    expect(refused(encode("Rapport de session : 12 cas réussis"))).toBe(JUNIT_REPORT_ERRORS.notXml);
    expect(refused(encode("%PDF-1.7\n%âãÏÓ"))).toBe(JUNIT_REPORT_ERRORS.notXml);
    expect(refused(new Uint8Array([0x00, 0xff, 0x10, 0x3c]))).toBe(JUNIT_REPORT_ERRORS.notXml);
  });

  it("refuses a ZIP archive and says so", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    const error = refused(zip);
    expect(error).toBe(JUNIT_REPORT_ERRORS.zip);
    expect(error).toContain("archive ZIP");
    expect(error).toContain("rapport JUnit au format XML");
  });

  it("refuses XML that is not a JUnit report", () => {
    expect(refused(encode(`<?xml version="1.0"?><html><body><testcase name="A"/></body></html>`))).toBe(JUNIT_REPORT_ERRORS.notJunit("html"));
  });

  it("refuses a report with zero test cases", () => {
    expect(refused(encode(`<testsuites><testsuite name="vide" tests="0"/></testsuites>`))).toBe(JUNIT_REPORT_ERRORS.noTestCases);
  });

  it("refuses a DOCTYPE declaring an external entity, without reading it", () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE testsuite [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<testsuite><testcase name="&x;"><failure message="&x;">&x;</failure></testcase></testsuite>`;
    const error = refused(encode(xml));
    expect(error).toBe(JUNIT_REPORT_ERRORS.doctype);
    expect(error).not.toContain("root:");
  });

  it("refuses a billion-laughs entity bomb quickly", () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("\n");
    const xml = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol0 "lol">
${levels}]>
<testsuite><testcase name="&lol9;"/></testsuite>`;
    expect(refused(encode(xml))).toBe(JUNIT_REPORT_ERRORS.doctype);
  });

  it("refuses any DOCTYPE, even a harmless one", () => {
    expect(refused(encode(`<!DOCTYPE testsuite><testsuite><testcase name="A"/></testsuite>`))).toBe(JUNIT_REPORT_ERRORS.doctype);
  });

  it("refuses an undefined entity reference", () => {
    expect(refused(encode(`<testsuite><testcase name="A"><failure>&passwd;</failure></testcase></testsuite>`))).toContain("entité XML non définie");
  });

  it("refuses a report over 5 MiB before parsing it", () => {
    const big = new Uint8Array(MAX_JUNIT_REPORT_BYTES + 1).fill(0x20);
    big.set(encode("<testsuite>"), 0);
    expect(refused(big)).toBe(JUNIT_REPORT_ERRORS.tooLarge);
  });

  it("refuses malformed XML and says where", () => {
    expect(refused(encode(`<testsuite><testcase name="A"></testsuite>`))).toMatch(/n'est pas un XML bien formé \(ligne 1, colonne \d+\)/);
    expect(refused(encode(`<testsuite><testcase name="A"/>`))).toContain("n'est pas un XML bien formé");
    expect(refused(encode(`<testsuite><testcase name=A/></testsuite>`))).toContain("n'est pas un XML bien formé");
    expect(refused(encode(`<testsuite><testcase name="A"/></testsuite><testsuite/>`))).toContain("n'est pas un XML bien formé");
  });

  it("refuses text that is not valid UTF-8", () => {
    expect(refused(new Uint8Array([...encode(`<testsuite><testcase name="`), 0xe9, ...encode(`"/></testsuite>`)]))).toBe(JUNIT_REPORT_ERRORS.encoding);
  });

  it("refuses an undefined entity in an attribute", () => {
    expect(refused(encode(`<testsuite><testcase name="&x;"/></testsuite>`))).toContain("entité XML non définie");
  });

  it("stops at the cap on the number of test cases", () => {
    const started = performance.now();
    const result = parseJunitReport(encode(`<testsuite>${"<testcase/>".repeat(MAX_TEST_CASES + 1)}</testsuite>`));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result).toEqual({ ok: false, error: JUNIT_REPORT_ERRORS.tooManyTestCases });
  });

  it("stays bounded on absurd nesting", () => {
    expect(refused(encode(`<testsuite>${"<a>".repeat(100_000)}`))).toBe(JUNIT_REPORT_ERRORS.tooDeep);
  });

  it("parses a large hostile-looking but valid report within the size limit quickly", () => {
    const xml = `<testsuite>${`<testcase name="A"><failure>${"&amp;".repeat(2_000)}</failure></testcase>`.repeat(400)}</testsuite>`;
    const started = performance.now();
    const report = accepted(parseJunitReport(encode(xml)));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(report.testCases).toHaveLength(400);
  });
});
