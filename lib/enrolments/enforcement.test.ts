import { describe, expect, it } from "vitest";
import { enforcementLabel, environmentEnforcement, grantEnforcement, registeredCertificateGatewayStatus } from "./enforcement";

const now = new Date("2026-12-01T12:00:00Z");
const cert = (fingerprintSha256: string, notBefore: string, notAfter: string) => ({ fingerprintSha256, notBefore: new Date(notBefore), notAfter: new Date(notAfter) });
const valid = cert("AA:BB", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
const expired = cert("cc", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
const base = { enrolmentStatus: "ACTIVE" as const, organisationSuspended: false, requiresCertificate: true, revokedFingerprints: new Set<string>(), now };

describe("environmentEnforcement", () => {
  it("enforces an active enrolment with a valid granted certificate", () => {
    const e = environmentEnforcement({ ...base, certificates: [valid, expired] });
    expect(e.enforced).toBe(true);
    expect(e.enforcedCertificates).toEqual([valid]);
    expect(enforcementLabel(e)).toBe("En vigueur à la passerelle");
  });

  it("never reads 'en vigueur' without a valid certificate", () => {
    const e = environmentEnforcement({ ...base, certificates: [] });
    expect(e).toMatchObject({ enforced: false, reason: "no_valid_certificate", enforcedCertificates: [] });
    expect(enforcementLabel(e)).toBe("Non publié à la passerelle : aucun certificat valide");
    expect(environmentEnforcement({ ...base, certificates: [expired] }).reason).toBe("no_valid_certificate");
  });

  it("needs no certificate when the profile does not", () => {
    expect(environmentEnforcement({ ...base, requiresCertificate: false, certificates: [] }).enforced).toBe(true);
  });

  it("leaves out suspended organisations, suspended and closed enrolments", () => {
    expect(environmentEnforcement({ ...base, organisationSuspended: true, certificates: [valid] }).reason).toBe("organisation_suspended");
    expect(environmentEnforcement({ ...base, enrolmentStatus: "SUSPENDED", certificates: [valid] }).reason).toBe("enrolment_suspended");
    expect(environmentEnforcement({ ...base, enrolmentStatus: "REVOKED", certificates: [valid] }).reason).toBe("enrolment_closed");
  });

  it("drops a revoked certificate, whatever the fingerprint's case or separators", () => {
    const e = environmentEnforcement({ ...base, certificates: [valid], revokedFingerprints: new Set(["aabb"]) });
    expect(e).toMatchObject({ enforced: false, reason: "no_valid_certificate" });
    expect(e.certificates[0]!.state).toBe("revoked");
  });
});

describe("registeredCertificateGatewayStatus", () => {
  it("shows a renewal as waiting for approval while the granted certificate stays enforced", () => {
    const environment = environmentEnforcement({ ...base, certificates: [valid] });
    const renewal = cert("dd", "2026-11-01T00:00:00Z", "2028-01-01T00:00:00Z");
    expect(registeredCertificateGatewayStatus(valid, environment, base.revokedFingerprints, now)).toBe("enforced");
    expect(registeredCertificateGatewayStatus(renewal, environment, base.revokedFingerprints, now)).toBe("pending_approval");
  });

  it("marks revoked and not-enforced granted certificates", () => {
    const environment = environmentEnforcement({ ...base, organisationSuspended: true, certificates: [valid] });
    expect(registeredCertificateGatewayStatus(valid, environment, base.revokedFingerprints, now)).toBe("not_enforced");
    expect(registeredCertificateGatewayStatus({ ...valid, revokedAt: now }, environment, base.revokedFingerprints, now)).toBe("revoked");
    expect(registeredCertificateGatewayStatus(valid, null, base.revokedFingerprints, now)).toBe("not_granted");
  });
});

describe("grantEnforcement (the dossier)", () => {
  const grant = {
    urls: [{ environment: "TEST" as const }, { environment: "PRODUCTION" as const }],
    certificates: [{ environment: "TEST" as const, fingerprintSha256: "AA:BB", notBefore: "2026-01-01T00:00:00Z", notAfter: "2027-01-01T00:00:00Z" }],
    accessProfile: { requiresCertificate: true },
  };

  it("says per environment what the gateway does, with the whitelist's words", () => {
    const context = { enrolmentStatus: "ACTIVE" as const, organisationSuspended: false, revokedFingerprints: new Set<string>(), now };
    expect(grantEnforcement(grant, context)).toEqual([
      { environment: "TEST", enforced: true, reason: null, label: "En vigueur à la passerelle", revokedCount: 0 },
      { environment: "PRODUCTION", enforced: false, reason: "no_valid_certificate", label: "Non publié à la passerelle : aucun certificat valide", revokedCount: 0 },
    ]);
    expect(grantEnforcement(grant, { ...context, revokedFingerprints: new Set(["aabb"]) })[0]).toMatchObject({ enforced: false, revokedCount: 1 });
  });
});
