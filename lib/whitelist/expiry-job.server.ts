import "server-only";
// The certificate expiry watch (issue 7): certificates of enrolments in force expiring in 60, 30 and 7 days get one
// notice per threshold, mailed to the organisation's legal representatives and technical contacts; expired ones are marked (threshold 0), mailed, and the export
// no longer contains them. Idempotent across app instances: the unique (certificate, threshold) decides who mails.
import { recordEvent } from "../events/record.server";
import { portalLink } from "../portal-link.server";
import { systemActor } from "../events/actor";
import { db } from "../db.server";
import { queueMail } from "../mail/outbox.server";
import { gatewayNoticeRecipients } from "../organizations/recipients.server";
import { watchCertificateExpiry, DEFAULT_EXPIRY_THRESHOLDS_DAYS, type WatchedEnrolment } from "./expiry-watch";
import { expiredCertificateMail, expiringCertificateMail, type ExpiryMailContext } from "./expiry-mail";
import { loadWhitelistEntries } from "./entries.server";
import type { WhitelistCertificate, WhitelistEntry } from "./entry";

/** Threshold recorded for "this certificate has expired". */
export const EXPIRED_MARK = 0;

export type ExpiryJobResult = { notices: number; expired: number };

export async function runCertificateExpiryWatch(now: Date = new Date(), thresholds: readonly number[] = DEFAULT_EXPIRY_THRESHOLDS_DAYS): Promise<ExpiryJobResult> {
  const entries = await loadWhitelistEntries({ status: { in: ["ACTIVE", "SUSPENDED"] } });
  const byEnrolment = new Map<string, { entry: WhitelistEntry; certificates: Map<string, WhitelistCertificate> }>();
  for (const entry of entries) {
    const group = byEnrolment.get(entry.enrolmentId) ?? { entry, certificates: new Map() };
    for (const certificate of entry.certificates) group.certificates.set(certificate.fingerprintSha256, certificate);
    byEnrolment.set(entry.enrolmentId, group);
  }
  const watched: WatchedEnrolment[] = [...byEnrolment.entries()].map(([enrolmentId, g]) => ({ enrolmentId, certificates: [...g.certificates.values()] }));
  const fingerprints = watched.flatMap((w) => w.certificates.map((c) => c.fingerprintSha256));
  const sent = await db().certificateExpiryNotice.findMany({
    where: { certificateFingerprint: { in: fingerprints } },
    select: { certificateFingerprint: true, threshold: true },
  });
  const alreadyExpired = new Set(sent.filter((s) => s.threshold === EXPIRED_MARK).map((s) => s.certificateFingerprint));
  const result = watchCertificateExpiry(watched, now, sent.filter((s) => s.threshold !== EXPIRED_MARK), thresholds);

  const enrolmentRows = await db().enrolment.findMany({
    where: { id: { in: [...byEnrolment.keys()] } },
    select: { id: true, organizationId: true, serviceId: true },
  });
  const enrolmentById = new Map(enrolmentRows.map((e) => [e.id, e]));

  let notices = 0;
  let expired = 0;
  const items = [
    ...result.notices.map((n) => ({ ...n, kind: "notice" as const })),
    ...result.expired.filter((e) => !alreadyExpired.has(e.certificateFingerprint)).map((e) => ({ ...e, threshold: EXPIRED_MARK, daysLeft: 0, kind: "expired" as const })),
  ];
  for (const item of items) {
    const group = byEnrolment.get(item.enrolmentId)!;
    const enrolment = enrolmentById.get(item.enrolmentId);
    const certificate = group.certificates.get(item.certificateFingerprint)!;
    if (!enrolment) continue;
    const done = await db().$transaction(async (tx) => {
      const { count } = await tx.certificateExpiryNotice.createMany({
        data: [{ enrolmentId: item.enrolmentId, certificateFingerprint: item.certificateFingerprint, threshold: item.threshold, notAfter: item.notAfter, sentAt: now }],
        skipDuplicates: true,
      });
      // Another instance got there first.
      if (count !== 1) return false;
      const context: ExpiryMailContext = {
        serviceName: group.entry.service.name,
        organizationName: group.entry.organisation.name,
        subjectDn: certificate.subjectDn,
        fingerprintSha256: certificate.fingerprintSha256,
        notAfter: certificate.notAfter,
        link: portalLink(`/editeur/services/${enrolment.serviceId}`),
      };
      const mail = item.kind === "expired" ? expiredCertificateMail(context) : expiringCertificateMail(context, item.daysLeft);
      const emails = await gatewayNoticeRecipients(tx, enrolment.organizationId);
      await queueMail(tx, emails.map((to) => ({ to, ...mail })));
      await recordEvent(tx, {
        name: item.kind === "expired" ? "certificate.expired" : "certificate.expiry_notice_sent",
        actor: systemActor("certificate-expiry-watch"),
        organizationId: enrolment.organizationId,
        subjectId: item.enrolmentId,
        payload: { fingerprintSha256: item.certificateFingerprint, threshold: item.threshold, notAfter: item.notAfter.toISOString() },
      });
      // An expired certificate changes the export: make every instance rebuild it now rather than at its own clock.
      if (item.kind === "expired") await tx.$executeRawUnsafe(`UPDATE "WhitelistRevision" SET "revision" = "revision" + 1, "changedAt" = $1 WHERE "id" = 1`, now);
      return true;
    });
    if (done) {
      if (item.kind === "expired") expired++;
      else notices++;
    }
  }
  return { notices, expired };
}

/** Expired marks and notices already sent, per certificate (for the whitelist view). */
export async function expiryNoticesOf(enrolmentIds: readonly string[]): Promise<Map<string, { threshold: number; sentAt: Date }[]>> {
  const rows = await db().certificateExpiryNotice.findMany({
    where: { enrolmentId: { in: [...enrolmentIds] } },
    orderBy: { sentAt: "asc" },
    select: { certificateFingerprint: true, threshold: true, sentAt: true },
  });
  const map = new Map<string, { threshold: number; sentAt: Date }[]>();
  for (const r of rows) map.set(r.certificateFingerprint, [...(map.get(r.certificateFingerprint) ?? []), { threshold: r.threshold, sentAt: r.sentAt }]);
  return map;
}
