// Pure: the precomputed, serialised whitelist entry of one enrolment and environment (table GatewayEntry, issue 24)
// and the export assembled from them. The rows are rewritten in the transaction of every change of what they show
// (refreshGatewayEntries), so the first export after a change copies strings instead of reading, parsing and
// serialising 10,000 grants. What depends on the clock (a certificate becoming valid or expiring) and revocations
// read at export time are applied here, so a row never has to be rewritten when time passes.
import { gatewayCertificateState } from "../enrolments/enforcement";
import type { WhitelistEntry, WhitelistEnvironment } from "./entry";
import { documentEntry, prepareWhitelistFromJson, type Level1Quotas, type PreparedWhitelist, type WhitelistDocumentEntry } from "./export";

export interface GatewayEntryRow {
  enrolmentId: string;
  environment: WhitelistEnvironment;
  /** environment, SIRET, service id, enrolment id joined by U+0001 (PostgreSQL text holds no U+0000; no field holds a control character): code-unit order of the key = the export's order. */
  sortKey: string;
  /** The document entry with every granted certificate not revoked when refreshed. */
  json: string;
  requiresCertificate: boolean;
  /** Lowercase SHA-256 fingerprints of the certificates in `json`. */
  fingerprints: string[];
  /** Every certificate of `json` is valid in [validFrom, validUntil); null when it has none. */
  validFrom: Date | null;
  validUntil: Date | null;
  /** Every notBefore and notAfter of `json`'s certificates: when the export's answer may change with time alone. */
  bounds: Date[];
}

const SEPARATOR = "\u0001";

/** The rows of one enrolment's entries (the entries of `entriesOfEnrolment`, already filtered as enforceable). */
export function gatewayEntryRows(entries: readonly WhitelistEntry[], revokedFingerprints: ReadonlySet<string>): GatewayEntryRow[] {
  return entries.map((entry) => {
    const certificates = entry.certificates.filter((c) => !revokedFingerprints.has(c.fingerprintSha256));
    const document = documentEntry({ ...entry, status: "ACTIVE", certificates });
    const froms = certificates.map((c) => c.notBefore.getTime());
    const untils = certificates.map((c) => c.notAfter.getTime());
    return {
      enrolmentId: entry.enrolmentId,
      environment: entry.environment,
      sortKey: [entry.environment, entry.organisation.siret, entry.service.id, entry.enrolmentId].join(SEPARATOR),
      json: JSON.stringify(document),
      requiresCertificate: entry.accessProfile.requiresCertificate,
      fingerprints: certificates.map((c) => c.fingerprintSha256),
      validFrom: certificates.length ? new Date(Math.max(...froms)) : null,
      validUntil: certificates.length ? new Date(Math.min(...untils)) : null,
      bounds: [...froms, ...untils].map((t) => new Date(t)),
    };
  });
}

/** `asIs`: the database already knows every certificate is valid now and none revoked (the common case). */
type StoredRow = Pick<GatewayEntryRow, "sortKey" | "json" | "requiresCertificate" | "fingerprints" | "validFrom" | "validUntil" | "bounds"> & { asIs?: boolean };

/** One row's JSON at `now`, or null when the gateway enforces nothing of it now. */
function rowJsonAt(row: StoredRow, now: Date, revoked: ReadonlySet<string>): string | null {
  if (row.asIs) return row.json;
  const t = now.getTime();
  const hit = row.fingerprints.some((f) => revoked.has(f));
  const allValid = row.validFrom === null || (row.validFrom.getTime() <= t && t < row.validUntil!.getTime());
  if (allValid && !hit) return row.json;
  // The rare case: a certificate not valid now or revoked since the refresh. Same rule as everywhere else.
  const entry = JSON.parse(row.json) as WhitelistDocumentEntry;
  const certificates = entry.certificates.filter(
    (c) => gatewayCertificateState({ fingerprintSha256: c.fingerprintSha256, notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter) }, revoked, now) === "enforced",
  );
  if (certificates.length === 0 && row.requiresCertificate) return null;
  return JSON.stringify({ ...entry, certificates });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The export from stored rows: the same canonical JSON as prepareWhitelist(selectEntriesInForce(...)). */
export function assembleWhitelist(rows: readonly StoredRow[], level1: Level1Quotas, now: Date, revoked: ReadonlySet<string>): { prepared: PreparedWhitelist; nextChange: Date | null } {
  const sorted = [...rows].sort((a, b) => compare(a.sortKey, b.sortKey));
  const jsons: string[] = [];
  const t = now.getTime();
  let next = Number.POSITIVE_INFINITY;
  for (const row of sorted) {
    const json = rowJsonAt(row, now, revoked);
    if (json !== null) jsons.push(json);
    for (const bound of row.bounds) {
      const b = bound.getTime();
      if (b > t && b < next) next = b;
    }
  }
  return { prepared: prepareWhitelistFromJson(jsons, level1), nextChange: Number.isFinite(next) ? new Date(next) : null };
}
