import { describe, expect, it } from "vitest";
import { watchCertificateExpiry, type SentNotice, type WatchedEnrolment } from "./expiry-watch";

const DAY = 24 * 60 * 60 * 1000;
const start = new Date("2026-11-26T08:00:00Z");
const notAfter = new Date(start.getTime() + 90 * DAY);

function enrolment(id: string, ...certificates: { fp: string; notBefore?: Date; notAfter: Date }[]): WatchedEnrolment {
  return {
    enrolmentId: id,
    certificates: certificates.map((c) => ({ fingerprintSha256: c.fp, notBefore: c.notBefore ?? new Date("2026-01-01T00:00:00Z"), notAfter: c.notAfter })),
  };
}

/** A controllable clock: runs the watch every `stepHours` from `from` to `to`, recording what it sends. */
function simulate(enrolments: WatchedEnrolment[], from: Date, to: Date, stepHours: number) {
  const sent: SentNotice[] = [];
  const log: { at: Date; threshold: number; fp: string; daysLeft: number }[] = [];
  let expiredAt: Date | null = null;
  for (let t = from.getTime(); t <= to.getTime(); t += stepHours * 60 * 60 * 1000) {
    const now = new Date(t);
    const result = watchCertificateExpiry(enrolments, now, sent);
    for (const notice of result.notices) {
      log.push({ at: now, threshold: notice.threshold, fp: notice.certificateFingerprint, daysLeft: notice.daysLeft });
      sent.push({ certificateFingerprint: notice.certificateFingerprint, threshold: notice.threshold });
    }
    if (result.expired.length > 0 && expiredAt === null) expiredAt = now;
  }
  return { log, expiredAt };
}

describe("the certificate expiry watch", () => {
  it("sends each threshold once, on the day it is reached, run hourly over 100 days", () => {
    const { log, expiredAt } = simulate([enrolment("e1", { fp: "aa", notAfter })], start, new Date(start.getTime() + 100 * DAY), 1);
    expect(log.map((l) => [l.threshold, (notAfter.getTime() - l.at.getTime()) / DAY])).toEqual([
      [60, 60],
      [30, 30],
      [7, 7],
    ]);
    expect(log.map((l) => l.daysLeft)).toEqual([60, 30, 7]);
    expect(expiredAt).toEqual(notAfter);
  });

  it("sends only the tightest threshold when several are due at once, and never the looser ones later", () => {
    // The job did not run until 5 days before expiry.
    const now = new Date(notAfter.getTime() - 5 * DAY);
    const first = watchCertificateExpiry([enrolment("e1", { fp: "aa", notAfter })], now, []);
    expect(first.notices).toEqual([{ enrolmentId: "e1", certificateFingerprint: "aa", threshold: 7, notAfter, daysLeft: 5 }]);
    const { log } = simulate([enrolment("e1", { fp: "aa", notAfter })], now, new Date(notAfter.getTime() + DAY), 6);
    expect(log.map((l) => l.threshold)).toEqual([7]);
  });

  it("a threshold already sent is not sent again", () => {
    const now = new Date(notAfter.getTime() - 20 * DAY);
    expect(watchCertificateExpiry([enrolment("e1", { fp: "aa", notAfter })], now, [{ certificateFingerprint: "aa", threshold: 30 }]).notices).toEqual([]);
    expect(watchCertificateExpiry([enrolment("e1", { fp: "aa", notAfter })], now, [{ certificateFingerprint: "bb", threshold: 30 }]).notices).toHaveLength(1);
  });

  it("nothing before the loosest threshold; exactly at it, the notice is due", () => {
    expect(watchCertificateExpiry([enrolment("e1", { fp: "aa", notAfter })], new Date(notAfter.getTime() - 60 * DAY - 1), []).notices).toEqual([]);
    expect(watchCertificateExpiry([enrolment("e1", { fp: "aa", notAfter })], new Date(notAfter.getTime() - 60 * DAY), []).notices).toHaveLength(1);
  });

  it("reports expired certificates from notAfter on, and sends them no notice", () => {
    const result = watchCertificateExpiry([enrolment("e1", { fp: "aa", notAfter }, { fp: "bb", notAfter: new Date(notAfter.getTime() + 400 * DAY) })], notAfter, []);
    expect(result.expired).toEqual([{ enrolmentId: "e1", certificateFingerprint: "aa", notAfter }]);
    expect(result.notices).toEqual([]);
    expect(watchCertificateExpiry([enrolment("e1", { fp: "aa", notAfter })], new Date(notAfter.getTime() - 1), []).expired).toEqual([]);
  });

  it("no notice for a certificate already relieved by a renewal valid before it expires", () => {
    const now = new Date(notAfter.getTime() - 10 * DAY);
    const renewed = enrolment("e1", { fp: "old", notAfter }, { fp: "new", notBefore: new Date(notAfter.getTime() - 15 * DAY), notAfter: new Date(notAfter.getTime() + 365 * DAY) });
    expect(watchCertificateExpiry([renewed], now, []).notices).toEqual([]);
    // A renewal that starts only after the old one ends leaves a gap: the organisation is told.
    const gap = enrolment("e1", { fp: "old", notAfter }, { fp: "new", notBefore: new Date(notAfter.getTime() + DAY), notAfter: new Date(notAfter.getTime() + 365 * DAY) });
    expect(watchCertificateExpiry([gap], now, []).notices.map((n) => [n.certificateFingerprint, n.threshold])).toEqual([["old", 30]]);
  });

  it("watches every enrolment and certificate independently", () => {
    const now = new Date(notAfter.getTime() - 6 * DAY);
    const result = watchCertificateExpiry(
      [
        enrolment("e1", { fp: "aa", notAfter }),
        enrolment("e2", { fp: "bb", notAfter: new Date(now.getTime() + 45 * DAY) }, { fp: "cc", notAfter: new Date(now.getTime() + 200 * DAY), notBefore: new Date(now.getTime() + 100 * DAY) }),
      ],
      now,
      [],
    );
    expect(result.notices.map((n) => [n.enrolmentId, n.certificateFingerprint, n.threshold])).toEqual([
      ["e1", "aa", 7],
      ["e2", "bb", 60],
    ]);
  });

  it("takes other thresholds, and refuses nonsense ones", () => {
    const now = new Date(notAfter.getTime() - 12 * DAY);
    expect(watchCertificateExpiry([enrolment("e1", { fp: "aa", notAfter })], now, [], [90, 14, 1]).notices[0]!.threshold).toBe(14);
    expect(() => watchCertificateExpiry([], now, [], [0])).toThrow();
    expect(() => watchCertificateExpiry([], now, [], [1.5])).toThrow();
  });
});
