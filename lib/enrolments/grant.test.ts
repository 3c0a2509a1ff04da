import { describe, expect, it } from "vitest";
import { freezeEnrolment, grantedQuotas, parseGrant, QUOTA_MESSAGE } from "./grant";
import { buildSnapshot } from "../applications/snapshot";

const defaults = { level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5 };

describe("the quotas granted at approval", () => {
  it("default to the profile's values when left blank", () => {
    expect(grantedQuotas({}, defaults)).toEqual({ ok: true, quotas: defaults, reason: null });
    expect(grantedQuotas({ level2AuthenticatedPerSecond: "", level2PublicPerSecond: "  " }, defaults)).toEqual({ ok: true, quotas: defaults, reason: null });
  });

  it("take the reviewer's integers, typed or sent as numbers, at both ends of the range, with a reason", () => {
    expect(grantedQuotas({ level2AuthenticatedPerSecond: " 20 ", level2PublicPerSecond: 1, quotaReason: " Forte\nactivité régionale. " }, defaults)).toEqual({
      ok: true,
      quotas: { level2AuthenticatedPerSecond: 20, level2PublicPerSecond: 1 },
      reason: "Forte activité régionale.",
    });
    expect(grantedQuotas({ level2AuthenticatedPerSecond: 1000, level2PublicPerSecond: "1000", quotaReason: "Plateforme nationale." }, defaults)).toMatchObject({ ok: true });
  });

  it("need a reason only when they depart from the profile's defaults", () => {
    expect(grantedQuotas({ level2AuthenticatedPerSecond: "10", level2PublicPerSecond: "5", quotaReason: "ignoré" }, defaults)).toEqual({ ok: true, quotas: defaults, reason: null });
    expect(grantedQuotas({ level2AuthenticatedPerSecond: "20" }, defaults)).toEqual({
      ok: false,
      fieldErrors: { quotaReason: "Saisissez le motif : les quotas s'écartent de ceux du profil (10 appels par seconde authentifiés, 5 publics)." },
    });
    expect(grantedQuotas({ level2AuthenticatedPerSecond: "20", quotaReason: "abc" }, defaults)).toEqual({
      ok: false,
      fieldErrors: { quotaReason: "Le motif doit contenir entre 5 et 500 caractères." },
    });
    expect(grantedQuotas({ level2AuthenticatedPerSecond: "20", quotaReason: "<script>alert(1)</script>" }, defaults)).toMatchObject({
      fieldErrors: { quotaReason: "Le motif ne peut pas contenir les caractères < et >." },
    });
  });

  it.each([0, -3, "-3", 1001, "1e3", 2.5, "2,5", "dix", Number.NaN, Number.POSITIVE_INFINITY, "99999999999999999999", true, {}])(
    "refuse %s with the range in French",
    (value) => {
      const result = grantedQuotas({ level2AuthenticatedPerSecond: value }, defaults);
      expect(result).toEqual({ ok: false, fieldErrors: { level2AuthenticatedPerSecond: QUOTA_MESSAGE } });
    },
  );

  it("says the range, the catalogue's", () => {
    expect(QUOTA_MESSAGE).toBe("Saisissez un nombre entier d'appels par seconde compris entre 1 et 1000.");
  });
});

describe("the frozen enrolment", () => {
  const snapshot = buildSnapshot({
    organization: { id: "o1", name: "Santé Numérique SAS", siret: "73282932000074", address: "Paris" },
    service: {
      id: "s1",
      name: "Orientation Plus",
      softwareName: "OrientSoft",
      softwareVersion: "4.2",
      description: "d",
      purposes: ["ORIENTATION"],
      users: "u",
      requestedProfile: { code: "2", label: "Profil 2" },
      profileJustification: "j",
      apis: ["FHIR"],
    },
    urls: [{ environment: "TEST", url: "https://test.exemple.fr" }],
    certificates: (["ok", "warning", "error", null] as const).map((verdict, i) => ({
      fingerprintSha256: `f${i}`,
      fingerprintSha1: `s${i}`,
      subjectDn: `CN=c${i}`,
      issuerDn: "CN=AC",
      serialNumber: String(i),
      environment: "TEST" as const,
      notBefore: new Date(`2026-01-0${i + 1}T00:00:00Z`),
      notAfter: new Date("2028-01-01T00:00:00Z"),
      verdict,
    })),
    attestations: [],
    platines: [],
    charter: { version: "0.1", acceptedAt: new Date("2026-01-01T00:00:00Z") },
  });

  it("grants what the reviewer saw: URLs, certificates that passed, the chosen profile and quotas, who and when", () => {
    const grant = freezeEnrolment({
      applicationId: "a1",
      submissionNumber: 2,
      snapshot,
      profile: { id: "p1", code: "1", label: "Profil 1", requiresCertificate: true },
      quotas: { level2AuthenticatedPerSecond: 20, level2PublicPerSecond: 5 },
      quotaReason: "Forte activité.",
      approvedAt: new Date("2026-04-01T09:00:00Z"),
      approvedBy: { id: "u1", name: "Inès Tructeur" },
    });
    expect(grant).toEqual({
      schemaVersion: 1,
      applicationId: "a1",
      submissionNumber: 2,
      organization: { id: "o1", name: "Santé Numérique SAS", siret: "73282932000074" },
      service: { id: "s1", name: "Orientation Plus", softwareName: "OrientSoft", softwareVersion: "4.2" },
      urls: [{ environment: "TEST", url: "https://test.exemple.fr" }],
      certificates: [0, 1].map((i) => ({
        environment: "TEST",
        fingerprintSha256: `f${i}`,
        fingerprintSha1: `s${i}`,
        subjectDn: `CN=c${i}`,
        issuerDn: "CN=AC",
        notBefore: `2026-01-0${i + 1}T00:00:00.000Z`,
        notAfter: "2028-01-01T00:00:00.000Z",
      })),
      accessProfile: { id: "p1", code: "1", label: "Profil 1", requiresCertificate: true },
      quotas: { level2AuthenticatedPerSecond: 20, level2PublicPerSecond: 5, reason: "Forte activité." },
      approvedAt: "2026-04-01T09:00:00.000Z",
      approvedBy: { id: "u1", name: "Inès Tructeur" },
    });
    expect(parseGrant(JSON.parse(JSON.stringify(grant)))).toEqual(grant);
    expect(parseGrant({})).toBeNull();
  });

  it("is a copy: changing the snapshot afterwards changes nothing granted", () => {
    const grant = freezeEnrolment({
      applicationId: "a1",
      submissionNumber: 1,
      snapshot,
      profile: { id: "p1", code: "2", label: "Profil 2", requiresCertificate: true },
      quotas: defaults,
      quotaReason: null,
      approvedAt: new Date(),
      approvedBy: { id: "u1", name: "I" },
    });
    snapshot.urls[0]!.url = "https://autre.exemple.fr";
    expect(grant.urls[0]!.url).toBe("https://test.exemple.fr");
  });
});
