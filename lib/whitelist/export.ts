// The whitelist as the gateway downloads it (GET /api/v1/whitelist): a JSON document or CSV, deterministic for a
// given content, with a strong ETag that ignores `generatedAt` so an unchanged whitelist keeps its ETag (ADR 0009).
import { createHash } from "node:crypto";
import type { CertificateIdentity } from "../vocabulary";
import type { WhitelistEntry, WhitelistEnvironment, EnrolmentStatus } from "./entry";

/** Version of the document format; part of the hashed content, so a format change changes every ETag. */
export const WHITELIST_FORMAT_VERSION = 1;

export interface Level1Quotas {
  /** Calls per second allowed on each ROR API, all callers together: the default for an API without its own. */
  perApiPerSecond: number;
  /** The ROR API catalogue (ADR 0052), each API with its own level 1: what the nginx configuration applies. */
  apis?: readonly WhitelistDocumentApi[];
}

/** One API of the catalogue as the export publishes it, in path-prefix order. */
export interface WhitelistDocumentApi {
  name: string;
  pathPrefix: string;
  access: "authenticated" | "public";
  level1PerSecond: number;
}

export type WhitelistDocumentCertificate = CertificateIdentity;

export interface WhitelistDocumentEntry {
  enrolmentId: string;
  status: EnrolmentStatus;
  approvedAt: string;
  environment: WhitelistEnvironment;
  organisation: { name: string; siret: string };
  service: { id: string; name: string };
  urls: string[];
  accessProfile: { code: string; label: string };
  quotas: { authenticatedPerSecond: number; publicPerSecond: number };
  certificates: WhitelistDocumentCertificate[];
}

export interface WhitelistDocument {
  generatedAt: string;
  version: typeof WHITELIST_FORMAT_VERSION;
  level1: Level1Quotas;
  entries: WhitelistDocumentEntry[];
}

export type WhitelistFormat = "json" | "csv";

/** The content of an export, computed once: serialised and hashed, ready for either representation or a 304. */
export interface PreparedWhitelist {
  level1: Level1Quotas;
  entries: WhitelistDocumentEntry[];
  /** JSON of `{ version, level1, entries }`: the document without `generatedAt`. */
  canonicalJson: string;
  /** base64url SHA-256 of `canonicalJson`. */
  contentHash: string;
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEntries(a: WhitelistEntry, b: WhitelistEntry): number {
  return (
    compare(a.environment, b.environment) ||
    compare(a.organisation.siret, b.organisation.siret) ||
    compare(a.service.id, b.service.id) ||
    compare(a.enrolmentId, b.enrolmentId)
  );
}

// Objects are built key by key in a fixed order: JSON.stringify keeps insertion order, so the text is deterministic.
export function documentEntry(entry: WhitelistEntry): WhitelistDocumentEntry {
  const certificates = [...entry.certificates]
    .sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || compare(a.fingerprintSha256, b.fingerprintSha256))
    .map((certificate) => ({
      fingerprintSha256: certificate.fingerprintSha256,
      fingerprintSha1: certificate.fingerprintSha1,
      subjectDn: certificate.subjectDn,
      issuerDn: certificate.issuerDn,
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
    }));
  return {
    enrolmentId: entry.enrolmentId,
    status: entry.status,
    approvedAt: entry.approvedAt.toISOString(),
    environment: entry.environment,
    organisation: { name: entry.organisation.name, siret: entry.organisation.siret },
    service: { id: entry.service.id, name: entry.service.name },
    urls: [...new Set(entry.urls)].sort(compare),
    accessProfile: { code: entry.accessProfile.code, label: entry.accessProfile.label },
    quotas: { authenticatedPerSecond: entry.quotas.authenticatedPerSecond, publicPerSecond: entry.quotas.publicPerSecond },
    certificates,
  };
}

/** Key by key in a fixed order, APIs by path prefix: the same catalogue always serialises to the same text. */
function level1Of(level1: Level1Quotas): Level1Quotas {
  if (!level1.apis) return { perApiPerSecond: level1.perApiPerSecond };
  const apis = [...level1.apis]
    .sort((a, b) => compare(a.pathPrefix, b.pathPrefix))
    .map((api) => ({ name: api.name, pathPrefix: api.pathPrefix, access: api.access, level1PerSecond: api.level1PerSecond }));
  return { perApiPerSecond: level1.perApiPerSecond, apis };
}

/**
 * From entries already serialised one by one (lib/whitelist/gateway-entry.ts: the precomputed GatewayEntry rows), in
 * export order: the same canonical JSON as `prepareWhitelist`, by concatenation. `entries` is parsed only when a
 * caller reads it (the CSV), so a JSON export never parses what it only copies.
 */
export function prepareWhitelistFromJson(entryJsons: readonly string[], level1: Level1Quotas): PreparedWhitelist {
  const level1Copy = level1Of(level1);
  const canonicalJson = `{"version":${WHITELIST_FORMAT_VERSION},"level1":${JSON.stringify(level1Copy)},"entries":[${entryJsons.join(",")}]}`;
  const { contentHash, bytes } = hashedContent(canonicalJson);
  let entries: WhitelistDocumentEntry[] | null = null;
  const prepared: PreparedWhitelist = {
    level1: level1Copy,
    get entries() {
      entries ??= (JSON.parse(canonicalJson) as { entries: WhitelistDocumentEntry[] }).entries;
      return entries;
    },
    canonicalJson,
    contentHash,
  };
  encodedOf(prepared).jsonTail = bytes.subarray(1);
  return prepared;
}

/** Give it entries already in force (`selectEntriesInForce`). */
export function prepareWhitelist(entries: readonly WhitelistEntry[], level1: Level1Quotas): PreparedWhitelist {
  const documentEntries = [...entries].sort(compareEntries).map(documentEntry);
  const level1Copy = level1Of(level1);
  const canonicalJson = JSON.stringify({ version: WHITELIST_FORMAT_VERSION, level1: level1Copy, entries: documentEntries });
  const { contentHash, bytes } = hashedContent(canonicalJson);
  const prepared = { level1: level1Copy, entries: documentEntries, canonicalJson, contentHash };
  encodedOf(prepared).jsonTail = bytes.subarray(1);
  return prepared;
}

/** The content's UTF-8 bytes, encoded once: hashed for the ETag, then served as they are (the body's tail). */
function hashedContent(canonicalJson: string): { contentHash: string; bytes: Uint8Array<ArrayBuffer> } {
  const bytes = utf8.encode(canonicalJson);
  return { contentHash: createHash("sha256").update(bytes).digest("base64url"), bytes };
}

/**
 * Strong ETag of one representation. JSON and CSV are different representations of the same content, so their
 * validators differ (RFC 9110 section 8.8.1); both are a function of the content alone, never of `generatedAt`.
 */
export function whitelistEtag(prepared: PreparedWhitelist, format: WhitelistFormat): string {
  return `"${prepared.contentHash}.${format}"`;
}

/** The JSON body: `generatedAt` first, then the canonical content, without serialising it twice. */
export function whitelistJson(prepared: PreparedWhitelist, generatedAt: Date): string {
  return `{"generatedAt":${JSON.stringify(generatedAt.toISOString())},${prepared.canonicalJson.slice(1)}`;
}

// The UTF-8 bytes of a prepared export, encoded once per export: the API answers many identical calls between two
// changes, and encoding 9 MiB of text is most of a warm answer's cost.
const encodedBodies = new WeakMap<PreparedWhitelist, { jsonTail?: Uint8Array<ArrayBuffer>; csv?: Uint8Array<ArrayBuffer> }>();
const utf8 = new TextEncoder();

function encodedOf(prepared: PreparedWhitelist) {
  let encoded = encodedBodies.get(prepared);
  if (!encoded) {
    encoded = {};
    encodedBodies.set(prepared, encoded);
  }
  return encoded;
}

/**
 * The JSON body as a stream of the head (`generatedAt`) and the content's bytes held by the export, with its length:
 * a Response given bytes copies them, 9 MiB per call; a stream hands the same buffer to every response.
 */
export function whitelistJsonBody(prepared: PreparedWhitelist, generatedAt: Date): { body: ReadableStream<Uint8Array>; length: number } {
  const encoded = encodedOf(prepared);
  encoded.jsonTail ??= utf8.encode(prepared.canonicalJson.slice(1));
  return chunksBody([utf8.encode(`{"generatedAt":${JSON.stringify(generatedAt.toISOString())},`), encoded.jsonTail]);
}

/** The CSV body, built and encoded once per export, as a stream (see whitelistJsonBody). */
export function whitelistCsvBody(prepared: PreparedWhitelist): { body: ReadableStream<Uint8Array>; length: number } {
  return chunksBody([whitelistCsvBytes(prepared)]);
}

function chunksBody(chunks: readonly Uint8Array[]): { body: ReadableStream<Uint8Array>; length: number } {
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
  return { body, length: chunks.reduce((n, c) => n + c.byteLength, 0) };
}

/** `whitelistCsv` as UTF-8 bytes, built and encoded once per export. */
export function whitelistCsvBytes(prepared: PreparedWhitelist): Uint8Array<ArrayBuffer> {
  const encoded = encodedOf(prepared);
  encoded.csv ??= utf8.encode(whitelistCsv(prepared));
  return encoded.csv;
}

export function whitelistDocument(prepared: PreparedWhitelist, generatedAt: Date): WhitelistDocument {
  return JSON.parse(whitelistJson(prepared, generatedAt)) as WhitelistDocument;
}

// ── CSV (RFC 4180: comma, CRLF, double quotes) ─────────────────────────────────────────────────────────────────────

export const WHITELIST_CSV_COLUMNS = [
  "enrolment_id",
  "status",
  "approved_at",
  "environment",
  "organisation_name",
  "organisation_siret",
  "service_id",
  "service_name",
  "urls",
  "access_profile_code",
  "access_profile_label",
  "quota_authenticated_per_second",
  "quota_public_per_second",
  "level1_per_api_per_second",
  "certificate_fingerprint_sha256",
  "certificate_fingerprint_sha1",
  "certificate_subject_dn",
  "certificate_issuer_dn",
  "certificate_not_before",
  "certificate_not_after",
] as const;

/**
 * One field. Quoted when it holds a comma, a quote or a line break. Text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe: service names come from editors.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per (entry, certificate); an entry without certificate (a profile that needs none) has one row. */
export function whitelistCsv(prepared: PreparedWhitelist): string {
  const lines: string[] = [WHITELIST_CSV_COLUMNS.join(",")];
  const level1 = prepared.level1.perApiPerSecond;
  for (const entry of prepared.entries) {
    const common = [
      csvField(entry.enrolmentId),
      csvField(entry.status),
      csvField(entry.approvedAt),
      csvField(entry.environment),
      csvField(entry.organisation.name),
      csvField(entry.organisation.siret),
      csvField(entry.service.id),
      csvField(entry.service.name),
      // URLs never contain spaces (RFC 3986), so a space separates them.
      csvField(entry.urls.join(" ")),
      csvField(entry.accessProfile.code),
      csvField(entry.accessProfile.label),
      csvField(entry.quotas.authenticatedPerSecond),
      csvField(entry.quotas.publicPerSecond),
      csvField(level1),
    ].join(",");
    if (entry.certificates.length === 0) {
      lines.push(`${common},,,,,,`);
      continue;
    }
    for (const certificate of entry.certificates) {
      lines.push(
        [
          common,
          csvField(certificate.fingerprintSha256),
          csvField(certificate.fingerprintSha1),
          csvField(certificate.subjectDn),
          csvField(certificate.issuerDn),
          csvField(certificate.notBefore),
          csvField(certificate.notAfter),
        ].join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

// ── Conditional requests (RFC 9110 section 13.1.2) ─────────────────────────────────────────────────────────────────

/**
 * The entity tags of an If-None-Match value, or "*" ; null when the value is not well formed (the request is then
 * answered in full, which is always safe). Entity tags may contain commas, so the value is scanned, not split.
 */
export function parseIfNoneMatch(header: string): "*" | { weak: boolean; opaque: string }[] | null {
  const value = header.trim();
  if (value === "*") return "*";
  const tags: { weak: boolean; opaque: string }[] = [];
  let i = 0;
  const skipSeparators = () => {
    while (i < value.length && (value[i] === "," || value[i] === " " || value[i] === "\t")) i++;
  };
  skipSeparators();
  while (i < value.length) {
    let weak = false;
    if (value.startsWith("W/", i)) {
      weak = true;
      i += 2;
    }
    if (value[i] !== '"') return null;
    const end = value.indexOf('"', i + 1);
    if (end < 0) return null;
    const opaque = value.slice(i + 1, end);
    // etagc = %x21 / %x23-7E / obs-text
    if (!/^[\x21\x23-\x7e\x80-\xff]*$/.test(opaque)) return null;
    tags.push({ weak, opaque });
    i = end + 1;
    const before = i;
    skipSeparators();
    if (i < value.length && (i === before || !value.slice(before, i).includes(","))) return null;
  }
  return tags.length > 0 ? tags : null;
}

/**
 * Whether If-None-Match matches the current ETag: weak comparison (RFC 9110 section 8.8.3.2), as If-None-Match
 * requires, so `W/"x"` matches `"x"`. "*" matches since the whitelist always has a current representation.
 */
export function ifNoneMatchMatches(header: string | null | undefined, etag: string): boolean {
  if (header === null || header === undefined) return false;
  const parsed = parseIfNoneMatch(header);
  if (parsed === null) return false;
  if (parsed === "*") return true;
  const current = parseIfNoneMatch(etag);
  if (current === null || current === "*" || current.length !== 1) return false;
  return parsed.some((tag) => tag.opaque === current[0]!.opaque);
}
