import { DAY_MS } from "../vocabulary";
import { calendarDaysUntil } from "../time";
// Certificate expiry watch: which notices to send today, and which certificates have expired. Pure: the job passes
// the enrolments in force, `now`, and the notices already sent (stored), then records what it sends.

export const DEFAULT_EXPIRY_THRESHOLDS_DAYS: readonly number[] = [60, 30, 7];


export interface WatchedCertificate {
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
}

export interface WatchedEnrolment {
  enrolmentId: string;
  certificates: readonly WatchedCertificate[];
}

export interface SentNotice {
  certificateFingerprint: string;
  /** Days. */
  threshold: number;
}

export interface ExpiryNotice {
  enrolmentId: string;
  certificateFingerprint: string;
  threshold: number;
  notAfter: Date;
  /** Whole days left, rounded down: 0 on the last day. */
  daysLeft: number;
}

export interface ExpiredCertificate {
  enrolmentId: string;
  certificateFingerprint: string;
  notAfter: Date;
}

export interface ExpiryWatchResult {
  notices: ExpiryNotice[];
  expired: ExpiredCertificate[];
}

export function noticeKey(certificateFingerprint: string, threshold: number): string {
  return `${certificateFingerprint}:${threshold}`;
}

/**
 * For each certificate not yet expired, the tightest threshold it has reached (notAfter − now ≤ threshold days) is
 * due unless already sent. Looser thresholds reached at the same time are skipped: a certificate found 5 days from
 * expiry gets the 7-day notice only, and never a 60-day one afterwards since the tightest threshold only shrinks.
 * A certificate already relieved by a later one of the same enrolment (valid before it expires) gets no notice.
 * A certificate is expired once now ≥ notAfter.
 */
export function watchCertificateExpiry(
  enrolments: readonly WatchedEnrolment[],
  now: Date,
  alreadySent: readonly SentNotice[],
  thresholdsDays: readonly number[] = DEFAULT_EXPIRY_THRESHOLDS_DAYS,
): ExpiryWatchResult {
  for (const threshold of thresholdsDays) {
    if (!Number.isInteger(threshold) || threshold <= 0) throw new Error(`Invalid expiry threshold ${threshold}`);
  }
  const thresholds = [...new Set(thresholdsDays)].sort((a, b) => a - b);
  const sent = new Set(alreadySent.map((notice) => noticeKey(notice.certificateFingerprint, notice.threshold)));
  const t = now.getTime();
  const notices: ExpiryNotice[] = [];
  const expired: ExpiredCertificate[] = [];
  for (const enrolment of enrolments) {
    for (const certificate of enrolment.certificates) {
      const end = certificate.notAfter.getTime();
      if (end <= t) {
        expired.push({ enrolmentId: enrolment.enrolmentId, certificateFingerprint: certificate.fingerprintSha256, notAfter: certificate.notAfter });
        continue;
      }
      const remaining = end - t;
      const tightest = thresholds.find((threshold) => remaining <= threshold * DAY_MS);
      if (tightest === undefined) continue;
      if (sent.has(noticeKey(certificate.fingerprintSha256, tightest))) continue;
      const relieved = enrolment.certificates.some(
        (other) => other !== certificate && other.notAfter.getTime() > end && other.notBefore.getTime() < end,
      );
      if (relieved) continue;
      notices.push({
        enrolmentId: enrolment.enrolmentId,
        certificateFingerprint: certificate.fingerprintSha256,
        threshold: tightest,
        notAfter: certificate.notAfter,
        daysLeft: calendarDaysUntil(certificate.notAfter, now),
      });
    }
  }
  return { notices, expired };
}
