// From a stored enrolment (its frozen grant plus the columns that may change after approval: status, level-2
// quotas) to whitelist entries, one per environment the grant covers. Pure.
import type { EnrolmentGrant } from "../enrolments/grant";
import { normalizeFingerprint, WHITELIST_ENVIRONMENTS, type EnrolmentStatus, type WhitelistEntry } from "./entry";
import { DAY_MS } from "../vocabulary";

export interface StoredEnrolment {
  id: string;
  status: EnrolmentStatus;
  approvedAt: Date;
  level2AuthenticatedPerSecond: number;
  level2PublicPerSecond: number;
  grant: EnrolmentGrant;
  organisationSuspended?: boolean;
}

/**
 * One entry per environment in which the grant has a URL or a certificate (an enrolment covers a service, whose
 * URLs and certificates are per environment). Fingerprints are normalised to lowercase hex; URLs deduplicated.
 */
export function entriesOfEnrolment(enrolment: StoredEnrolment): WhitelistEntry[] {
  const { grant } = enrolment;
  const entries: WhitelistEntry[] = [];
  for (const environment of WHITELIST_ENVIRONMENTS) {
    const urls = [...new Set(grant.urls.filter((u) => u.environment === environment).map((u) => u.url))];
    const certificates = grant.certificates
      .filter((c) => c.environment === environment)
      .map((c) => ({
        fingerprintSha256: normalizeFingerprint(c.fingerprintSha256),
        fingerprintSha1: normalizeFingerprint(c.fingerprintSha1),
        subjectDn: c.subjectDn,
        issuerDn: c.issuerDn,
        notBefore: new Date(c.notBefore),
        notAfter: new Date(c.notAfter),
      }));
    if (urls.length === 0 && certificates.length === 0) continue;
    entries.push({
      enrolmentId: enrolment.id,
      status: enrolment.status,
      approvedAt: enrolment.approvedAt,
      organisation: { name: grant.organization.name, siret: grant.organization.siret },
      service: { id: grant.service.id, name: grant.service.name },
      environment,
      urls,
      certificates,
      accessProfile: {
        code: grant.accessProfile.code,
        label: grant.accessProfile.label,
        requiresCertificate: grant.accessProfile.requiresCertificate,
      },
      quotas: {
        authenticatedPerSecond: enrolment.level2AuthenticatedPerSecond,
        publicPerSecond: enrolment.level2PublicPerSecond,
      },
      ...(enrolment.organisationSuspended ? { organisationSuspended: true } : {}),
    });
  }
  return entries;
}

/** The whitelist view highlights certificates expiring within this many days ("expire bientôt"). */
export const EXPIRING_SOON_DAYS = 60;

export type CertificateValidity = "not_yet_valid" | "valid" | "expiring_soon" | "expired";

export function certificateValidity(certificate: { notBefore: Date; notAfter: Date }, now: Date, soonDays = EXPIRING_SOON_DAYS): CertificateValidity {
  const t = now.getTime();
  if (t < certificate.notBefore.getTime()) return "not_yet_valid";
  if (t >= certificate.notAfter.getTime()) return "expired";
  return certificate.notAfter.getTime() - t <= soonDays * DAY_MS ? "expiring_soon" : "valid";
}

export const CERTIFICATE_VALIDITY_LABELS: Record<CertificateValidity, string> = {
  not_yet_valid: "Pas encore valide",
  valid: "Valide",
  expiring_soon: "Expire bientôt",
  expired: "Expiré",
};

