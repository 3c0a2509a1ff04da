// The file format of the import of the existing trust space (issue 25, ADR 0059) and the checks of one line that need
// no database: SIRET, names, environment, URL, the certificate (a client certificate, never an authority), quotas.
// Pure. The catalogue's profiles, duplicates and what exists already are the use case's.
import { parse } from "csv-parse/sync";
import { readCertificateInput } from "../certificates/certificate-input";
import { certificateFacts } from "../certificates/certificate-facts";
import { normalizeIdentifier, siretProblem } from "../organizations/identifiers";
import { certificateFingerprints } from "../whitelist/entry";
import { checkServiceUrl } from "../services/service-url";
import { QUOTA_MAX, QUOTA_MIN } from "../vocabulary";
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_LINES } from "./import-rules";

export { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_LINES };

export type ImportCertificate = { der: Uint8Array; fingerprintSha256: string; fingerprintSha1: string; subjectDn: string; issuerDn: string; serialNumber: string; notBefore: Date; notAfter: Date; facts: unknown };

export type ImportLine = {
  lineNumber: number;
  siret: string;
  legalName: string;
  serviceName: string;
  environment: "TEST" | "PRODUCTION";
  url: string;
  certificate: ImportCertificate | null;
  profileCode: string;
  quotas: { authenticatedPerSecond: number | null; publicPerSecond: number | null };
};

/** A line as read, checked or not: what the report shows even for a refused line. */
export type ReadLine =
  | { ok: true; line: ImportLine }
  | { ok: false; lineNumber: number; siret: string; serviceName: string; environment: string; reason: string };

export type ReadFile = { ok: true; lines: ReadLine[] } | { ok: false; problem: string };

const text = (value: string | undefined) => (value ?? "").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim();

function quota(raw: string, label: string): { value: number | null } | { problem: string } {
  if (raw === "") return { value: null };
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < QUOTA_MIN || Number(raw) > QUOTA_MAX) {
    return { problem: `${label} : un entier entre ${QUOTA_MIN} et ${QUOTA_MAX} appels par seconde, ou vide pour la valeur du profil.` };
  }
  return { value: Number(raw) };
}

function certificateOf(pem: string): { certificate: ImportCertificate | null } | { problem: string } {
  if (pem === "") return { certificate: null };
  const read = readCertificateInput({ text: pem });
  if (!read.ok) return { problem: `Certificat illisible : ${read.error}` };
  const facts = certificateFacts(read.der);
  if (facts.isCa) return { problem: "Ce certificat est celui d'une autorité de certification, pas le certificat client du service." };
  const { fingerprintSha256, fingerprintSha1 } = certificateFingerprints(read.der);
  return {
    certificate: {
      der: read.der,
      fingerprintSha256,
      fingerprintSha1,
      subjectDn: facts.subjectDn,
      issuerDn: facts.issuerDn,
      serialNumber: facts.serialNumber,
      notBefore: new Date(facts.notBefore),
      notAfter: new Date(facts.notAfter),
      facts,
    },
  };
}

/** One record (columns by name) to a checked line, or the first reason it cannot be taken. */
export function readLine(record: Record<string, string>, lineNumber: number): ReadLine {
  const siret = normalizeIdentifier(text(record.siret));
  const legalName = text(record.raison_sociale);
  const serviceName = text(record.service);
  const environmentRaw = text(record.environnement).toUpperCase();
  const refused = (reason: string): ReadLine => ({ ok: false, lineNumber, siret, serviceName, environment: environmentRaw, reason });
  const siretError = siretProblem(siret);
  if (siretError) return refused(`SIRET invalide : ${siretError}`);
  if (legalName.length < 2 || legalName.length > 200) return refused("La raison sociale fait entre 2 et 200 caractères.");
  if (serviceName.length < 2 || serviceName.length > 120) return refused("Le nom du service fait entre 2 et 120 caractères.");
  if (environmentRaw !== "TEST" && environmentRaw !== "PRODUCTION") return refused("L'environnement vaut TEST ou PRODUCTION.");
  // The rules of a URL an editor types (lib/services/service-url.ts), stored in the same normalised form.
  const checkedUrl = checkServiceUrl(text(record.url));
  if (!checkedUrl.ok) return refused(`URL du service : ${checkedUrl.message}`);
  const url = checkedUrl.url;
  const profileCode = text(record.profil);
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(profileCode)) return refused("Le profil d'accès est le code d'un profil du catalogue (par exemple 2).");
  const certificate = certificateOf(text(record.certificat_pem));
  if ("problem" in certificate) return refused(certificate.problem);
  const authenticated = quota(text(record.quota_authentifie), "Quota authentifié");
  if ("problem" in authenticated) return refused(authenticated.problem);
  const open = quota(text(record.quota_public), "Quota public");
  if ("problem" in open) return refused(open.problem);
  return {
    ok: true,
    line: { lineNumber, siret, legalName, serviceName, environment: environmentRaw, url, certificate: certificate.certificate, profileCode, quotas: { authenticatedPerSecond: authenticated.value, publicPerSecond: open.value } },
  };
}

/** The whole file: UTF-8 (a BOM tolerated), comma or semicolon, the header row naming the columns. */
export function readImportFile(bytes: Uint8Array): ReadFile {
  if (bytes.byteLength === 0) return { ok: false, problem: "Le fichier est vide." };
  if (bytes.byteLength > IMPORT_MAX_BYTES) return { ok: false, problem: "Le fichier dépasse 5 Mio." };
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { ok: false, problem: "Le fichier n'est pas en UTF-8." };
  }
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const delimiter = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  let rows: string[][];
  try {
    rows = parse(source, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    return { ok: false, problem: `Le fichier n'est pas un CSV lisible${error instanceof Error && /line (\d+)/.test(error.message) ? ` (ligne ${/line (\d+)/.exec(error.message)![1]})` : ""}.` };
  }
  const header = (rows[0] ?? []).map((cell) => text(cell).toLowerCase());
  const missing = IMPORT_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) return { ok: false, problem: `Colonnes absentes de la première ligne : ${missing.join(", ")}.` };
  if (rows.length - 1 > IMPORT_MAX_LINES) return { ok: false, problem: `Au plus ${IMPORT_MAX_LINES} lignes par fichier.` };
  const lines = rows.slice(1).map((row, index) => {
    const record = Object.fromEntries(header.map((column, i) => [column, row[i] ?? ""]));
    // Line numbers as a spreadsheet shows them: the header is line 1.
    return readLine(record, index + 2);
  });
  return { ok: true, lines };
}
