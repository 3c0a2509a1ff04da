// The JUnit-style XML report that SoapUI/ReadyAPI runners (and so PLATINES sessions) write, read into plain data,
// or a French explanation shown next to the upload field.
// The file comes from outside, so the parser is deliberately hostile to anything unusual: any DOCTYPE is refused
// (that alone rules out external entities and entity-expansion bombs, since saxes never fetches or expands
// entities and only the five predefined ones remain), and every limit below keeps the work bounded.
import { SaxesParser, type SaxesTagPlain } from "saxes";

export type JunitOutcome = "passed" | "failure" | "error" | "skipped";

export interface JunitTestCase {
  name: string;
  className: string;
  /** Names of the enclosing <testsuite> elements, outermost first (suites may be nested). */
  suitePath: readonly string[];
  /** Duration in seconds, when the runner wrote a readable one. */
  timeSeconds: number | null;
  outcome: JunitOutcome;
  /** The message attribute of the <failure>, <error> or <skipped> child, cut to MAX_TEXT_CHARS. */
  message: string | null;
  /** The text inside that child (usually a stack trace or assertion log), cut to MAX_TEXT_CHARS. */
  details: string | null;
}

export interface JunitReport {
  testCases: JunitTestCase[];
  suiteCount: number;
}

export type JunitReportResult = { ok: true; report: JunitReport } | { ok: false; error: string };

/** The limit: a real 2,000-case report weighs a few hundred KiB. */
export const MAX_JUNIT_REPORT_BYTES = 5 * 1024 * 1024;
/** Far above any real test plan; keeps memory bounded on a report of tiny self-closing test cases. */
export const MAX_TEST_CASES = 100_000;
/** Enough to read an assertion message; stack traces beyond this help nobody reviewing the results. */
export const MAX_TEXT_CHARS = 2_000;
/** Names and class names are shown in a table; longer ones are cut. */
export const MAX_NAME_CHARS = 500;
/** Real reports nest a few suites; thousands of levels can only be an attack on the parser's stack. */
export const MAX_DEPTH = 256;

const EXPECTED = "Envoyez le rapport JUnit au format XML produit par la session PLATINES (fichier .xml).";

export const JUNIT_REPORT_ERRORS = {
  empty: `Le fichier est vide. ${EXPECTED}`,
  tooLarge: `Le rapport dépasse la taille maximale de 5 Mio. ${EXPECTED}`,
  zip:
    "Ce fichier est une archive ZIP (par exemple l'archive des journaux de la session), pas le rapport attendu. " +
    "Extrayez le rapport JUnit au format XML de l'archive et envoyez-le seul, ou joignez l'archive comme pièce " +
    "justificative.",
  notXml: `Ce fichier n'est pas un document XML. ${EXPECTED}`,
  encoding: `Ce fichier n'est pas encodé en UTF-8 (ni dans l'encodage qu'il déclare). ${EXPECTED}`,
  doctype:
    "Le rapport contient une déclaration DOCTYPE, refusée par sécurité (elle permet de déclarer des entités " +
    `externes ou des expansions d'entités démesurées). Un rapport JUnit n'en a pas besoin. ${EXPECTED}`,
  undefinedEntity: (where: string) =>
    `Le rapport fait référence à une entité XML non définie (${where}). Seules les entités prédéfinies ` +
    "(&amp;, &lt;, &gt;, &quot;, &apos;) et les références numériques sont acceptées.",
  malformed: (where: string) => `Le rapport n'est pas un XML bien formé (${where}). ${EXPECTED}`,
  notJunit: (root: string) =>
    `Ce document XML n'est pas un rapport JUnit : son élément racine est « ${root} » au lieu de « testsuites » ` +
    `ou « testsuite ». ${EXPECTED}`,
  noTestCases: "Le rapport ne contient aucun cas de test (élément « testcase »). Vérifiez que la session a bien été exécutée.",
  tooManyTestCases: `Le rapport contient plus de ${MAX_TEST_CASES.toLocaleString("fr-FR")} cas de test, au-delà de la limite acceptée.`,
  tooDeep: `Le rapport imbrique plus de ${MAX_DEPTH} niveaux d'éléments, ce qui ne correspond pas à un rapport JUnit.`,
} as const;

/** Thrown from inside saxes handlers to stop parsing at the first fatal problem. */
class Refusal extends Error {}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** saxes works on strings; feeding it in slices lets a refusal stop the work early without re-scanning. */
const CHUNK_CHARS = 64 * 1024;

export function parseJunitReport(bytes: Uint8Array): JunitReportResult {
  if (bytes.length > MAX_JUNIT_REPORT_BYTES) return { ok: false, error: JUNIT_REPORT_ERRORS.tooLarge };
  if (bytes.length === 0) return { ok: false, error: JUNIT_REPORT_ERRORS.empty };
  if (ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) return { ok: false, error: JUNIT_REPORT_ERRORS.zip };
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, report: readReport(decoded.text) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    throw error;
  }
}

type Decoded = { ok: true; text: string } | { ok: false; error: string };

/** Bytes to text, honouring a BOM or the encoding named in the XML declaration (ISO-8859-1 exports exist). */
function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith("utf-16be", bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith("utf-16le", bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // Binary files (PDF, images, executables) fail here with "not XML" rather than a confusing encoding message.
  let first = 0;
  while (first < body.length && isXmlSpace(body[first]!)) first++;
  if (body[first] !== 0x3c /* < */) return { ok: false, error: JUNIT_REPORT_ERRORS.notXml };
  return decodeWith(declaredEncoding(body) ?? "utf-8", body);
}

function decodeWith(encoding: string, bytes: Uint8Array): Decoded {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    return { ok: false, error: JUNIT_REPORT_ERRORS.encoding };
  }
  try {
    const text = decoder.decode(bytes);
    if (!text.trimStart().startsWith("<")) return { ok: false, error: JUNIT_REPORT_ERRORS.notXml };
    return { ok: true, text };
  } catch {
    return { ok: false, error: JUNIT_REPORT_ERRORS.encoding };
  }
}

function declaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII and comes first, so its first 200 bytes are enough.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1] ?? null;
}

function isXmlSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** "ns:testcase" and "testcase" are the same element for us: JUnit has no namespace, some tools add one. */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name];
}

function readTime(value: string | undefined): number | null {
  if (value === undefined) return null;
  const seconds = Number(value.trim().replace(",", "."));
  return value.trim() !== "" && Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

const OUTCOME_OF_CHILD: Record<string, JunitOutcome> = { failure: "failure", error: "error", skipped: "skipped" };
/** When a case has several result children, the worst one describes it. */
const OUTCOME_SEVERITY: Record<JunitOutcome, number> = { passed: 0, skipped: 1, failure: 2, error: 3 };

function readReport(text: string): JunitReport {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const where = () => `ligne ${parser.line}, colonne ${parser.column}`;
  const testCases: JunitTestCase[] = [];
  let suiteCount = 0;
  let depth = 0;
  let rootSeen = false;
  // The suite path is shared by every case of a suite, so nesting costs one array per suite, not per case.
  const suiteStack: { depth: number; path: readonly string[] }[] = [];
  let currentCase: { testCase: JunitTestCase; depth: number } | null = null;
  // The <failure>/<error>/<skipped> element being read, whose text we keep.
  let resultChild: { depth: number; outcome: JunitOutcome; text: string } | null = null;

  parser.on("doctype", () => {
    throw new Refusal(JUNIT_REPORT_ERRORS.doctype);
  });
  parser.on("error", (error) => {
    if (error.message.includes("undefined entity")) throw new Refusal(JUNIT_REPORT_ERRORS.undefinedEntity(where()));
    throw new Refusal(JUNIT_REPORT_ERRORS.malformed(where()));
  });
  parser.on("opentag", (tag) => {
    depth++;
    if (depth > MAX_DEPTH) throw new Refusal(JUNIT_REPORT_ERRORS.tooDeep);
    const name = localName(tag.name);
    if (!rootSeen) {
      rootSeen = true;
      if (name !== "testsuites" && name !== "testsuite") throw new Refusal(JUNIT_REPORT_ERRORS.notJunit(cut(tag.name, 100)));
    }
    if (currentCase !== null) {
      const outcome = OUTCOME_OF_CHILD[name];
      // Only direct result children count; <system-out> and the like are ignored.
      if (outcome !== undefined && depth === currentCase.depth + 1) {
        const testCase = currentCase.testCase;
        if (OUTCOME_SEVERITY[outcome] > OUTCOME_SEVERITY[testCase.outcome]) {
          testCase.outcome = outcome;
          const message = attribute(tag, "message");
          testCase.message = message === undefined ? null : cut(message, MAX_TEXT_CHARS);
          testCase.details = null;
          resultChild = { depth, outcome, text: "" };
        }
      }
      return;
    }
    if (name === "testsuite") {
      suiteCount++;
      const parent = suiteStack.at(-1)?.path ?? [];
      suiteStack.push({ depth, path: [...parent, cut(attribute(tag, "name") ?? "", MAX_NAME_CHARS)] });
    } else if (name === "testcase") {
      if (testCases.length >= MAX_TEST_CASES) throw new Refusal(JUNIT_REPORT_ERRORS.tooManyTestCases);
      const testCase: JunitTestCase = {
        name: cut((attribute(tag, "name") ?? "").trim(), MAX_NAME_CHARS),
        className: cut((attribute(tag, "classname") ?? "").trim(), MAX_NAME_CHARS),
        suitePath: suiteStack.at(-1)?.path ?? [],
        timeSeconds: readTime(attribute(tag, "time")),
        outcome: "passed",
        message: null,
        details: null,
      };
      testCases.push(testCase);
      currentCase = { testCase, depth };
    }
  });
  const keepText = (chunk: string) => {
    // Text is only kept inside a result child, and never beyond the cap, whatever the size of the input.
    if (resultChild === null || resultChild.text.length > MAX_TEXT_CHARS) return;
    resultChild.text += chunk.slice(0, MAX_TEXT_CHARS + 1 - resultChild.text.length);
  };
  parser.on("text", keepText);
  parser.on("cdata", keepText);
  parser.on("closetag", () => {
    if (resultChild !== null && depth === resultChild.depth) {
      const details = resultChild.text.trim();
      if (currentCase !== null && details !== "") currentCase.testCase.details = cut(details, MAX_TEXT_CHARS);
      resultChild = null;
    } else if (currentCase !== null && depth === currentCase.depth) {
      currentCase = null;
    } else if (suiteStack.at(-1)?.depth === depth) {
      suiteStack.pop();
    }
    depth--;
  });

  for (let start = 0; start < text.length; start += CHUNK_CHARS) parser.write(text.slice(start, start + CHUNK_CHARS));
  parser.close();

  if (testCases.length === 0) throw new Refusal(JUNIT_REPORT_ERRORS.noTestCases);
  return { testCases, suiteCount };
}
