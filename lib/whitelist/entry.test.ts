import { describe, expect, it } from "vitest";
import { createTestAuthority, issueTestCertificate } from "../testing/test-authority";
import { certificateFacts } from "../certificates/certificate-facts";
import {
  certificateFingerprints,
  isCertificateValidAt,
  isSha1Fingerprint,
  isSha256Fingerprint,
  normalizeFingerprint,
  selectEntriesInForce,
} from "./entry";
import { syntheticCertificate, syntheticEntry } from "../testing/test-entries";

const now = new Date("2026-11-26T10:00:00Z");
const at = (iso: string) => new Date(iso);

describe("selectEntriesInForce", () => {
  it("keeps active entries only", () => {
    const entries = (["ACTIVE", "SUSPENDED", "REVOKED", "SUPERSEDED"] as const).map((status, i) => syntheticEntry(i, now, { status }));
    const result = selectEntriesInForce(entries, now);
    expect(result.entries.map((e) => e.status)).toEqual(["ACTIVE"]);
    expect(result.withoutValidCertificate).toEqual([]);
  });

  it("leaves out suspended organisations and revoked certificates (the one definition of lib/enrolments/enforcement.ts)", () => {
    const suspended = { ...syntheticEntry(0, now), organisationSuspended: true };
    const revoked = syntheticEntry(1, now);
    const kept = syntheticEntry(2, now);
    const result = selectEntriesInForce([suspended, revoked, kept], now, new Set(revoked.certificates.map((c) => c.fingerprintSha256)));
    expect(result.entries.map((e) => e.enrolmentId)).toEqual([kept.enrolmentId]);
    expect(result.withoutValidCertificate.map((e) => e.enrolmentId)).toEqual([revoked.enrolmentId]);
  });

  it("keeps only certificates valid now: notBefore ≤ now < notAfter", () => {
    const certificates = [
      syntheticCertificate("expired", at("2025-01-01T00:00:00Z"), at("2026-11-26T09:59:59.999Z")),
      syntheticCertificate("ends-now", at("2025-01-01T00:00:00Z"), now),
      syntheticCertificate("starts-now", now, at("2027-11-26T00:00:00Z")),
      syntheticCertificate("future", at("2026-11-26T10:00:00.001Z"), at("2027-11-26T00:00:00Z")),
    ];
    const result = selectEntriesInForce([syntheticEntry(1, now, { certificates })], now);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]!.certificates.map((c) => c.fingerprintSha256)).toEqual([certificates[2]!.fingerprintSha256]);
  });

  it("drops an entry whose profile requires a certificate and has none valid left, and says so", () => {
    const expiredOnly = syntheticEntry(1, now, {
      certificates: [syntheticCertificate("old", at("2025-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"))],
    });
    const openData = syntheticEntry(2, now, {
      certificates: [],
      accessProfile: { code: "0", label: "Données en libre accès", requiresCertificate: false },
    });
    const result = selectEntriesInForce([expiredOnly, openData], now);
    expect(result.entries.map((e) => e.enrolmentId)).toEqual([openData.enrolmentId]);
    expect(result.withoutValidCertificate.map((e) => e.enrolmentId)).toEqual([expiredOnly.enrolmentId]);
  });

  it("does not mutate its input", () => {
    const entry = syntheticEntry(1, now, {
      certificates: [
        syntheticCertificate("old", at("2025-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z")),
        syntheticCertificate("new", at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z")),
      ],
    });
    selectEntriesInForce([entry], now);
    expect(entry.certificates).toHaveLength(2);
  });

  it("isCertificateValidAt is exclusive at notAfter", () => {
    expect(isCertificateValidAt({ notBefore: now, notAfter: at("2026-11-26T10:00:00.001Z") }, now)).toBe(true);
    expect(isCertificateValidAt({ notBefore: at("2026-01-01T00:00:00Z"), notAfter: now }, now)).toBe(false);
  });
});

describe("fingerprints", () => {
  it("normalises the registry's colon form and computes both fingerprints of a real certificate", async () => {
    const validity = { notBefore: at("2025-01-01T00:00:00Z"), notAfter: at("2030-01-01T00:00:00Z") };
    const authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
    const leaf = await issueTestCertificate(authority, { ...validity, commonName: "Agenda", keyAlgorithm: "EC" });
    const fingerprints = certificateFingerprints(leaf.der);
    expect(normalizeFingerprint(certificateFacts(leaf.der).fingerprintSha256)).toBe(fingerprints.fingerprintSha256);
    expect(isSha256Fingerprint(fingerprints.fingerprintSha256)).toBe(true);
    expect(isSha1Fingerprint(fingerprints.fingerprintSha1)).toBe(true);
    expect(isSha256Fingerprint(fingerprints.fingerprintSha256.toUpperCase())).toBe(false);
    expect(isSha1Fingerprint(fingerprints.fingerprintSha256)).toBe(false);
  });
});
