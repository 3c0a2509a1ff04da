// Certificates are never edited: a renewal is a new upload. A service's certificates therefore form a history
// whose statuses follow from the dates alone, so they never need to be stored or kept in sync.

export type CertificateStatus = "active" | "scheduled" | "expired" | "replaced";

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  active: "Actif",
  scheduled: "Programmé",
  expired: "Expiré",
  replaced: "Remplacé",
};

export interface DatedCertificate<Id> {
  id: Id;
  notBefore: Date | string;
  notAfter: Date | string;
  uploadedAt: Date | string;
}

/**
 * The status of each certificate of one service at `now`:
 * - expired: past its notAfter;
 * - scheduled: not yet valid (a renewal uploaded ahead of time);
 * - active: valid now, and the most recently uploaded of those valid now;
 * - replaced: valid now, but a more recently uploaded valid one supersedes it.
 */
export function certificateStatuses<Id>(certificates: readonly DatedCertificate<Id>[], now: Date): Map<Id, CertificateStatus> {
  const time = (value: Date | string) => new Date(value).getTime();
  const at = now.getTime();
  const statuses = new Map<Id, CertificateStatus>();
  const valid: DatedCertificate<Id>[] = [];
  for (const certificate of certificates) {
    // X.509 validity includes both bounds (RFC 5280 section 4.1.2.5).
    if (at > time(certificate.notAfter)) statuses.set(certificate.id, "expired");
    else if (at < time(certificate.notBefore)) statuses.set(certificate.id, "scheduled");
    else valid.push(certificate);
  }
  // Latest upload wins; equal upload times (a batch import) fall back to the later start of validity.
  const newestFirst = [...valid].sort(
    (a, b) => time(b.uploadedAt) - time(a.uploadedAt) || time(b.notBefore) - time(a.notBefore),
  );
  newestFirst.forEach((certificate, index) => statuses.set(certificate.id, index === 0 ? "active" : "replaced"));
  return statuses;
}
