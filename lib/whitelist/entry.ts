// The whitelist of the trust space: one entry per enrolment (an approved pair organisation + digital service in one
// environment), with what the ROR gateway enforces: certificates, access profile, level-2 quotas. Pure: the use case
// reads enrolments from the database, maps them to `WhitelistEntry` and calls `selectEntriesInForce(entries, now)`.
import { createHash } from "node:crypto";
import { environmentEnforcement } from "../enrolments/enforcement";
import type { EnrolmentStatus } from "../enrolments/status";
import { ENVIRONMENTS, type Environment } from "../vocabulary";

export type WhitelistEnvironment = Environment;
export const WHITELIST_ENVIRONMENTS: readonly WhitelistEnvironment[] = ENVIRONMENTS;

/** Enrolment statuses; only ACTIVE ones are in force. */
export type { EnrolmentStatus };

export interface WhitelistCertificate {
  /** SHA-256 of the DER, lowercase hexadecimal without separators (64 characters): the portal's identity. */
  fingerprintSha256: string;
  /**
   * SHA-1 of the DER, lowercase hexadecimal (40 characters): what nginx exposes as `$ssl_client_fingerprint`.
   * Used only to match a certificate whose chain the gateway has already verified (ADR 0009).
   */
  fingerprintSha1: string;
  subjectDn: string;
  issuerDn: string;
  notBefore: Date;
  notAfter: Date;
}

export interface WhitelistEntry {
  enrolmentId: string;
  status: EnrolmentStatus;
  approvedAt: Date;
  organisation: { name: string; siret: string };
  service: { id: string; name: string };
  environment: WhitelistEnvironment;
  urls: string[];
  certificates: WhitelistCertificate[];
  accessProfile: { code: string; label: string; requiresCertificate: boolean };
  /** Level 2: calls per second allowed to this service. */
  quotas: { authenticatedPerSecond: number; publicPerSecond: number };
  /** The enrolment's organisation is suspended (issue 22): nothing of it is enforced. Absent means not suspended. */
  organisationSuspended?: boolean;
}

export interface EntriesInForce {
  /** Active entries, each with only its certificates valid at `now`. */
  entries: WhitelistEntry[];
  /**
   * Active entries left out because their profile requires a certificate and none is valid at `now` (all expired,
   * or the renewal not valid yet): the dashboard shows them, the gateway no longer lets them in.
   */
  withoutValidCertificate: WhitelistEntry[];
}

/** notBefore ≤ now < notAfter. */
export function isCertificateValidAt(certificate: Pick<WhitelistCertificate, "notBefore" | "notAfter">, now: Date): boolean {
  const t = now.getTime();
  return certificate.notBefore.getTime() <= t && t < certificate.notAfter.getTime();
}

/**
 * The entries the gateway enforces at `now`, as lib/enrolments/enforcement.ts defines it (the one definition every
 * page shares); `revokedFingerprints` are lowercase SHA-256 fingerprints found on the CAs' revocation lists.
 */
export function selectEntriesInForce(entries: readonly WhitelistEntry[], now: Date, revokedFingerprints: ReadonlySet<string> = NONE): EntriesInForce {
  const inForce: WhitelistEntry[] = [];
  const withoutValidCertificate: WhitelistEntry[] = [];
  for (const entry of entries) {
    const enforcement = environmentEnforcement({
      enrolmentStatus: entry.status,
      organisationSuspended: entry.organisationSuspended === true,
      requiresCertificate: entry.accessProfile.requiresCertificate,
      certificates: entry.certificates,
      revokedFingerprints,
      now,
    });
    if (enforcement.reason === "no_valid_certificate") withoutValidCertificate.push(entry);
    if (!enforcement.enforced) continue;
    const certificates = enforcement.enforcedCertificates;
    inForce.push(certificates.length === entry.certificates.length ? entry : { ...entry, certificates });
  }
  return { entries: inForce, withoutValidCertificate };
}

const NONE: ReadonlySet<string> = new Set();

const HEX_64 = /^[0-9a-f]{64}$/;
const HEX_40 = /^[0-9a-f]{40}$/;

/** "AB:CD:…" (Node's `fingerprint256`, as the certificate registry stores it) or any case → lowercase hex. */
export function normalizeFingerprint(value: string): string {
  return value.replace(/[:\s]/g, "").toLowerCase();
}

export function isSha256Fingerprint(value: string): boolean {
  return HEX_64.test(value);
}

export function isSha1Fingerprint(value: string): boolean {
  return HEX_40.test(value);
}

/** Both fingerprints of a DER certificate, in the whitelist's form. */
export function certificateFingerprints(der: Uint8Array): { fingerprintSha256: string; fingerprintSha1: string } {
  return {
    fingerprintSha256: createHash("sha256").update(der).digest("hex"),
    fingerprintSha1: createHash("sha1").update(der).digest("hex"),
  };
}

/**
 * The first instant after `now` at which `selectEntriesInForce` could give another answer for the same entries: a
 * certificate becoming valid or expiring. A prepared export (and its ETag) can be reused until then, as long as the
 * stored data did not change. null when no certificate will ever change state.
 */
export function nextValidityChange(entries: readonly WhitelistEntry[], now: Date): Date | null {
  const t = now.getTime();
  let next = Number.POSITIVE_INFINITY;
  for (const entry of entries) {
    if (entry.status !== "ACTIVE" || entry.organisationSuspended) continue;
    for (const certificate of entry.certificates) {
      const start = certificate.notBefore.getTime();
      const end = certificate.notAfter.getTime();
      if (start > t && start < next) next = start;
      if (end > t && end < next) next = end;
    }
  }
  return Number.isFinite(next) ? new Date(next) : null;
}
