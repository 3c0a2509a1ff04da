import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CA_BUNDLE_ERRORS, CA_UPLOAD_MAX_BYTES, caKind, caValidity, compareBundleEntries, daysLeftLabel, homonymDistinction, readCaCertificate } from "./ca-bundle";
import { CERTIFICATE_INPUT_ERRORS, MAX_CERTIFICATE_FILE_BYTES } from "./certificate-input";
import { createTestAuthority, issueTestCertificate, privateKeyPem, type TestAuthority, type TestLeaf } from "../testing/test-authority";

const validity = { notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") };
const igcSante = (file: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../prisma/seed-data/igc-sante", file)));
let authority: TestAuthority;
let leaf: TestLeaf;

beforeAll(async () => {
  authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
  leaf = await issueTestCertificate(authority, { ...validity, commonName: "Service de démonstration", keyAlgorithm: "EC" });
});

describe("reading a CA certificate for a bundle", () => {
  it("accepts IGC Santé's real production root and organisation CA (DER)", () => {
    const root = readCaCertificate({ bytes: igcSante("AC-RACINE-IGC-SANTE-ELEMENTAIRE.cer") });
    const issuing = readCaCertificate({ bytes: igcSante("AC-IGC-SANTE-ELEMENTAIRE-ORGANISATIONS.cer") });
    expect(root.ok && root.facts.subject.cn).toBe("AC RACINE IGC-SANTE ELEMENTAIRE");
    expect(root.ok && caKind(root.facts)).toBe("root");
    expect(issuing.ok && issuing.facts.fingerprintSha256).toBe(
      "D8:34:EE:5B:40:68:6B:73:57:3F:60:54:7B:F6:05:2C:6D:40:4D:94:2A:56:65:CD:B2:C0:B9:13:7B:5D:27:B2",
    );
    expect(issuing.ok && caKind(issuing.facts)).toBe("intermediate");
  });

  it("accepts pasted PEM and notes when a chain was sent", () => {
    const single = readCaCertificate({ text: authority.issuing.pem });
    expect(single).toMatchObject({ ok: true, notes: [] });
    const chain = readCaCertificate({ text: authority.root.pem + authority.issuing.pem });
    expect(chain.ok && chain.facts.subject.cn).toBe("TEST AC RACINE IGC-SANTE ELEMENTAIRE");
    expect(chain.ok && chain.notes).toHaveLength(1);
  });

  it("refuses an end-entity certificate, naming it", () => {
    expect(readCaCertificate({ bytes: leaf.der })).toEqual({ ok: false, error: CA_BUNDLE_ERRORS.notAnAuthority("Service de démonstration") });
  });

  it("refuses what is not a certificate with the reader's French messages", async () => {
    expect(readCaCertificate({ bytes: new Uint8Array() })).toEqual({ ok: false, error: CERTIFICATE_INPUT_ERRORS.empty });
    expect(readCaCertificate({ bytes: new Uint8Array([1, 2, 3, 4]) })).toEqual({ ok: false, error: CERTIFICATE_INPUT_ERRORS.unreadable });
    expect(readCaCertificate({ bytes: authority.root.der.slice(0, 200) })).toEqual({ ok: false, error: CERTIFICATE_INPUT_ERRORS.truncated });
    const withKey = authority.issuing.pem + (await privateKeyPem(authority.issuing.privateKey));
    expect(readCaCertificate({ text: withKey })).toEqual({ ok: false, error: CERTIFICATE_INPUT_ERRORS.privateKey });
  });

  it("has the same size cap as every certificate upload", () => {
    expect(CA_UPLOAD_MAX_BYTES).toBe(MAX_CERTIFICATE_FILE_BYTES);
  });
});

describe("describing a bundle entry", () => {
  const notBefore = new Date("2013-06-25T00:00:00Z");
  const notAfter = new Date("2033-06-25T00:00:00Z");

  it("counts calendar days left in Paris, inclusive bounds", () => {
    // Until 25 June at 02:00 in Paris: five calendar days from 20 June.
    expect(caValidity(notBefore, notAfter, new Date("2033-06-20T12:00:00Z"))).toEqual({ state: "valid", daysLeft: 5 });
    expect(caValidity(notBefore, notAfter, notAfter)).toEqual({ state: "valid", daysLeft: 0 });
    expect(caValidity(notBefore, notAfter, notBefore).state).toBe("valid");
    expect(caValidity(notBefore, notAfter, new Date("2033-06-25T00:00:01Z")).state).toBe("expired");
    expect(caValidity(notBefore, notAfter, new Date("2013-06-24T23:59:59Z")).state).toBe("notYetValid");
  });

  it("says the days left in French", () => {
    expect(daysLeftLabel(0)).toBe("dernier jour");
    expect(daysLeftLabel(1)).toBe("1 jour restant");
    expect(daysLeftLabel(2403)).toBe("2\u202f403 jours restants");
  });

  it("lists active entries first, in the order they were added, a root before what it issued", () => {
    const at = (iso: string) => new Date(iso);
    const entries = [
      { name: "retired", retiredAt: at("2026-01-02T00:00:00Z"), createdAt: at("2025-01-01T00:00:00Z"), kind: "root" as const },
      { name: "late", retiredAt: null, createdAt: at("2026-01-01T00:00:00Z"), kind: "root" as const },
      { name: "seeded intermediate", retiredAt: null, createdAt: at("2025-01-01T00:00:00Z"), kind: "intermediate" as const },
      { name: "seeded root", retiredAt: null, createdAt: at("2025-01-01T00:00:00Z"), kind: "root" as const },
    ];
    expect([...entries].sort(compareBundleEntries).map((e) => e.name)).toEqual(["seeded root", "seeded intermediate", "late", "retired"]);
  });
});

describe("two authorities of one name", () => {
  const first = { id: "a", name: "AC RACINE", serialNumber: "01:AB", notBefore: new Date("2013-06-25T00:00:00Z"), notAfter: new Date("2033-06-25T00:00:00Z"), fingerprintSha256: "2d9e22ca19f777c6b745257c723ecb8df3c35fa6f1f6ec36b83600c97346967f" };
  const renewed = { ...first, id: "b", serialNumber: "02:CD", notBefore: new Date("2023-01-01T00:00:00Z"), notAfter: new Date("2043-01-01T00:00:00Z"), fingerprintSha256: "aa".repeat(32) };

  it("are told apart by serial number, validity and fingerprint", () => {
    expect(homonymDistinction(first, [first, renewed])).toBe("n° de série 01:AB, valide du 25 juin 2013 au 25 juin 2033, SHA-256 2D:9E:22:CA:19:F7:77:C6…");
    expect(homonymDistinction(renewed, [first, renewed])).toMatch(/^n° de série 02:CD, valide du 1 janvier 2023 au 1 janvier 2043, SHA-256 AA:AA/);
  });

  it("need nothing more when the name is theirs alone", () => {
    expect(homonymDistinction(first, [first, { id: "c", name: "AC AUTRE" }])).toBeNull();
  });
});
