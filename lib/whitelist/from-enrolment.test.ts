import { describe, expect, it } from "vitest";
import type { EnrolmentGrant } from "../enrolments/grant";
import { selectEntriesInForce } from "./entry";
import { certificateValidity, entriesOfEnrolment } from "./from-enrolment";

const grant: EnrolmentGrant = {
  schemaVersion: 1,
  applicationId: "app-1",
  submissionNumber: 1,
  organization: { id: "org-1", name: "Éditeur Démo", siret: "12345678901234" },
  service: { id: "svc-1", name: "Agenda", softwareName: "Agenda", softwareVersion: "1.0" },
  urls: [
    { environment: "PRODUCTION", url: "https://agenda.example.fr/" },
    { environment: "PRODUCTION", url: "https://agenda.example.fr/" },
    { environment: "TEST", url: "https://test.agenda.example.fr/" },
  ],
  certificates: [
    {
      environment: "PRODUCTION",
      fingerprintSha256: "AB:".repeat(31) + "AB",
      fingerprintSha1: "cd".repeat(20),
      subjectDn: "CN=agenda",
      issuerDn: "CN=CA",
      notBefore: "2026-01-01T00:00:00.000Z",
      notAfter: "2027-01-01T00:00:00.000Z",
    },
  ],
  accessProfile: { id: "p1", code: "AUTH", label: "Authentifié", requiresCertificate: true },
  quotas: { level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5, reason: null },
  approvedAt: "2026-02-01T00:00:00.000Z",
  approvedBy: { id: "u1", name: "Instructrice" },
};

describe("entriesOfEnrolment", () => {
  it("gives one entry per environment, with normalised fingerprints, deduplicated URLs and the current quotas", () => {
    const entries = entriesOfEnrolment({ id: "e1", status: "ACTIVE", approvedAt: new Date("2026-02-01T00:00:00Z"), level2AuthenticatedPerSecond: 20, level2PublicPerSecond: 7, grant });
    expect(entries.map((e) => e.environment)).toEqual(["TEST", "PRODUCTION"]);
    const production = entries[1]!;
    expect(production.urls).toEqual(["https://agenda.example.fr/"]);
    expect(production.certificates[0]!.fingerprintSha256).toBe("ab".repeat(32));
    expect(production.quotas).toEqual({ authenticatedPerSecond: 20, publicPerSecond: 7 });
    // The TEST entry has no certificate although its profile needs one: not in force.
    const { entries: inForce, withoutValidCertificate } = selectEntriesInForce(entries, new Date("2026-06-01T00:00:00Z"));
    expect(inForce.map((e) => e.environment)).toEqual(["PRODUCTION"]);
    expect(withoutValidCertificate.map((e) => e.environment)).toEqual(["TEST"]);
  });

  it("keeps a suspended enrolment's status so the export leaves it out", () => {
    const entries = entriesOfEnrolment({ id: "e1", status: "SUSPENDED", approvedAt: new Date(), level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5, grant });
    expect(selectEntriesInForce(entries, new Date("2026-06-01T00:00:00Z")).entries).toEqual([]);
  });

  it("classifies certificate validity, with expiring soon within 60 days", () => {
    const c = { notBefore: new Date("2026-01-01T00:00:00Z"), notAfter: new Date("2026-03-01T00:00:00Z") };
    expect(certificateValidity(c, new Date("2025-12-31T00:00:00Z"))).toBe("not_yet_valid");
    expect(certificateValidity(c, new Date("2026-01-01T00:00:00Z"))).toBe("expiring_soon");
    expect(certificateValidity({ ...c, notAfter: new Date("2026-06-01T00:00:00Z") }, new Date("2026-01-01T00:00:00Z"))).toBe("valid");
    expect(certificateValidity(c, new Date("2026-03-01T00:00:00Z"))).toBe("expired");
  });
});
