import { describe, expect, it } from "vitest";
import { CERTIFICATE_STATUS_LABELS, certificateStatuses, type DatedCertificate } from "./certificate-status";

const now = new Date("2026-03-01T10:00:00Z");

function certificate(id: string, notBefore: string, notAfter: string, uploadedAt: string): DatedCertificate<string> {
  return { id, notBefore: new Date(notBefore), notAfter: new Date(notAfter), uploadedAt: new Date(uploadedAt) };
}

function statuses(...certificates: DatedCertificate<string>[]) {
  return Object.fromEntries(certificateStatuses(certificates, now));
}

describe("certificateStatuses", () => {
  it("has nothing to say about a service without certificates", () => {
    expect(certificateStatuses([], now).size).toBe(0);
  });

  it("makes the only valid certificate active", () => {
    expect(statuses(certificate("a", "2026-01-01", "2027-01-01", "2026-01-02"))).toEqual({ a: "active" });
  });

  it("keeps the current certificate active while its renewal is scheduled, then swaps them", () => {
    const current = certificate("current", "2025-06-01", "2026-06-01", "2025-06-02");
    const renewal = certificate("renewal", "2026-05-15", "2027-05-15", "2026-02-20");
    expect(statuses(current, renewal)).toEqual({ current: "active", renewal: "scheduled" });
    const afterSwitch = certificateStatuses([current, renewal], new Date("2026-05-20T00:00:00Z"));
    expect(Object.fromEntries(afterSwitch)).toEqual({ current: "replaced", renewal: "active" });
    const afterExpiry = certificateStatuses([current, renewal], new Date("2026-06-02T00:00:00Z"));
    expect(Object.fromEntries(afterExpiry)).toEqual({ current: "expired", renewal: "active" });
  });

  it("makes the most recently uploaded valid certificate active and the other valid ones replaced", () => {
    expect(
      statuses(
        certificate("old", "2025-01-01", "2027-01-01", "2025-01-02"),
        certificate("newest", "2025-06-01", "2026-12-01", "2026-02-01"),
        certificate("middle", "2026-01-01", "2028-01-01", "2025-12-01"),
      ),
    ).toEqual({ old: "replaced", newest: "active", middle: "replaced" });
  });

  it("ignores a newer upload that is expired or not yet valid when choosing the active one", () => {
    expect(
      statuses(
        certificate("valid", "2026-01-01", "2027-01-01", "2026-01-02"),
        certificate("expired", "2025-01-01", "2026-02-01", "2026-02-15"),
        certificate("future", "2026-06-01", "2027-06-01", "2026-02-20"),
      ),
    ).toEqual({ valid: "active", expired: "expired", future: "scheduled" });
  });

  it("has no active certificate when none is valid now", () => {
    expect(
      statuses(certificate("gone", "2024-01-01", "2025-01-01", "2024-01-02"), certificate("soon", "2026-04-01", "2027-04-01", "2026-02-01")),
    ).toEqual({ gone: "expired", soon: "scheduled" });
  });

  it("counts both bounds of the validity as valid, and the next millisecond as expired", () => {
    const starting = certificate("starting", now.toISOString(), "2027-01-01", "2026-03-01");
    expect(statuses(starting)).toEqual({ starting: "active" });
    const ending = certificate("ending", "2025-01-01", now.toISOString(), "2025-01-01");
    expect(statuses(ending)).toEqual({ ending: "active" });
    expect(Object.fromEntries(certificateStatuses([ending], new Date(now.getTime() + 1)))).toEqual({ ending: "expired" });
    expect(Object.fromEntries(certificateStatuses([starting], new Date(now.getTime() - 1)))).toEqual({ starting: "scheduled" });
  });

  it("breaks a tie in upload time by the later start of validity", () => {
    expect(
      statuses(certificate("earlier", "2026-01-01", "2027-01-01", "2026-02-01"), certificate("later", "2026-02-01", "2027-01-01", "2026-02-01")),
    ).toEqual({ earlier: "replaced", later: "active" });
  });

  it("accepts ISO strings as stored in JSON facts, and any id type", () => {
    const result = certificateStatuses(
      [{ id: 7, notBefore: "2026-01-01T00:00:00.000Z", notAfter: "2027-01-01T00:00:00.000Z", uploadedAt: "2026-01-02T00:00:00.000Z" }],
      now,
    );
    expect(result.get(7)).toBe("active");
  });

  it("labels statuses in French", () => {
    expect(CERTIFICATE_STATUS_LABELS).toEqual({ active: "Actif", scheduled: "Programmé", expired: "Expiré", replaced: "Remplacé" });
  });
});
