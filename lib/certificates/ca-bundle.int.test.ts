import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { seedProductionCaBundle } from "../reference/ca-bundle-seed.server";
import { seedReferenceData } from "../reference/reference-data.server";
import { createOrganization, createPerson, request } from "../testing/catalogue-fixtures.server";
import { loadTestAuthority, seedDemoTestCaBundle } from "../runtime/demo-test-authority";
import { CA_BUNDLE_ERRORS } from "./ca-bundle";
import { activeCaBundle, addCaCertificate, caBundleAdministration, retireCaCertificate } from "./ca-bundle.server";
import { buildCertificationPath } from "./certificate-chain";
import { certificateFacts } from "./certificate-facts";
import { createTestAuthority, issueTestCertificate, type TestAuthority } from "../testing/test-authority";
import { rejection } from "../testing/rejection";

const ROOT_FINGERPRINT = "2D:9E:22:CA:19:F7:77:C6:B7:45:25:7C:72:3E:CB:8D:F3:C3:5F:A6:F1:F6:EC:36:B8:36:00:C9:73:46:96:7F";
const ISSUING_FINGERPRINT = "D8:34:EE:5B:40:68:6B:73:57:3F:60:54:7B:F6:05:2C:6D:40:4D:94:2A:56:65:CD:B2:C0:B9:13:7B:5D:27:B2";
const validity = { notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") };

let authority: TestAuthority;
let directory: string;

beforeAll(async () => {
  authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC", rootCommonName: "AC RACINE D'ESSAI", issuingCommonName: "AC D'ESSAI ORGANISATIONS" });
  directory = mkdtempSync(path.join(os.tmpdir(), "ror-ca-bundle-int-"));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));


async function counts() {
  const [certificates, events] = await Promise.all([db().caCertificate.count(), db().event.count()]);
  return { certificates, events };
}

const fingerprints = (rows: { der: Uint8Array }[]) => rows.map((row) => certificateFacts(row.der).fingerprintSha256);

describe("the production bundle", () => {
  it("is seeded with IGC Santé's real root and organisation CA, once", async () => {
    expect(fingerprints(await activeCaBundle("PRODUCTION")).sort()).toEqual([ROOT_FINGERPRINT, ISSUING_FINGERPRINT].sort());
    await seedReferenceData(db());
    expect(await seedProductionCaBundle(db())).toBe(0);
    expect(await db().caCertificate.count({ where: { environment: "PRODUCTION" } })).toBe(2);
    const admin = await createPerson(["ANS_ADMIN"]);
    const { PRODUCTION } = await caBundleAdministration(admin, new Date("2026-03-01T00:00:00Z"));
    expect(PRODUCTION.map((c) => [c.name, c.kind, c.addedBy])).toEqual([
      ["AC RACINE IGC-SANTE ELEMENTAIRE", "root", null],
      ["AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", "intermediate", null],
    ]);
    expect(PRODUCTION[0]).toMatchObject({
      subjectDn: expect.stringContaining("CN=AC RACINE IGC-SANTE ELEMENTAIRE"),
      fingerprintSha256: ROOT_FINGERPRINT,
      validity: { state: "valid" },
      retiredAt: null,
    });
  });

  it("is an empty test bundle outside the demo", async () => {
    expect(await activeCaBundle("TEST")).toEqual([]);
  });
});

describe("adding a CA certificate", () => {
  it("stores it with its facts, lists it, trusts it, and records who added it", async () => {
    const admin = await createPerson(["ANS_ADMIN"], "Joëlle Admin");
    const before = await counts();
    const added = await addCaCertificate(admin, "TEST", { text: authority.root.pem }, request);
    expect(added).toMatchObject({ name: "AC RACINE D'ESSAI", notes: [] });
    await addCaCertificate(admin, "TEST", { bytes: authority.issuing.der }, request);
    expect(await counts()).toEqual({ certificates: before.certificates + 2, events: before.events + 2 });

    const bundle = await activeCaBundle("TEST");
    expect(fingerprints(bundle)).toContain(certificateFacts(authority.root.der).fingerprintSha256);
    const leaf = await issueTestCertificate(authority, { ...validity, commonName: "Service", keyAlgorithm: "EC" });
    expect(buildCertificationPath(leaf.der, bundle, new Date("2026-03-01T00:00:00Z")).ok).toBe(true);
    expect(buildCertificationPath(leaf.der, await activeCaBundle("PRODUCTION"), new Date("2026-03-01T00:00:00Z")).ok).toBe(false);

    const { TEST } = await caBundleAdministration(admin);
    expect(TEST.find((c) => c.id === added.id)).toMatchObject({
      name: "AC RACINE D'ESSAI",
      kind: "root",
      addedBy: { name: "Joëlle Admin" },
      environment: "TEST",
      retiredAt: null,
    });
    const event = await db().event.findFirstOrThrow({ where: { name: "ca_certificate.added", subjectId: added.id }, include: { personalData: true } });
    expect(event).toMatchObject({ actorId: admin.userId, subjectType: "CaCertificate", personalData: expect.objectContaining({ ip: request.ip }) });
    expect(event.payload).toMatchObject({ environment: "TEST", fingerprintSha256: certificateFacts(authority.root.der).fingerprintSha256 });
  });

  it("refuses a duplicate in the same environment, but accepts it in the other one", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const other = await createTestAuthority({ ...validity, keyAlgorithm: "EC", rootCommonName: "AC EN DOUBLE" });
    await addCaCertificate(admin, "TEST", { text: other.root.pem }, request);
    const before = await counts();
    const error = await rejection(addCaCertificate(admin, "TEST", { bytes: other.root.der }, request));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors).toEqual({ certificate: CA_BUNDLE_ERRORS.duplicate("AC EN DOUBLE", "TEST") });
    expect(await counts()).toEqual(before);
    // The real production root cannot be added twice either.
    const production = await rejection(addCaCertificate(admin, "PRODUCTION", { bytes: (await activeCaBundle("PRODUCTION"))[0]!.der }, request));
    expect(production.fieldErrors.certificate).toMatch(/figure déjà parmi celles de l'environnement de production/);
    await addCaCertificate(admin, "PRODUCTION", { text: other.root.pem }, request);
  });

  it("refuses a leaf certificate, garbage, a private key, an oversized file and an unknown environment, writing nothing", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const leaf = await issueTestCertificate(authority, { ...validity, commonName: "Certificat client", keyAlgorithm: "EC" });
    const before = await counts();
    const cases: [unknown, unknown, Record<string, string | RegExp>][] = [
      ["TEST", { bytes: leaf.der }, { certificate: CA_BUNDLE_ERRORS.notAnAuthority("Certificat client") }],
      ["TEST", { text: leaf.pem }, { certificate: CA_BUNDLE_ERRORS.notAnAuthority("Certificat client") }],
      ["TEST", { bytes: new Uint8Array([0x30, 0x03, 0x02, 0x01]) }, { certificate: /tronqué/ }],
      ["TEST", { text: "bonjour" }, { certificate: /n'est pas un certificat X.509 lisible/ }],
      ["TEST", { text: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" }, { certificate: /clé privée/ }],
      ["TEST", { bytes: new Uint8Array(64 * 1024 + 1) }, { certificate: CA_BUNDLE_ERRORS.tooLarge }],
      ["TEST", {}, { certificate: CA_BUNDLE_ERRORS.missing }],
      ["STAGING", { text: authority.root.pem }, { environment: CA_BUNDLE_ERRORS.environment }],
    ];
    for (const [environment, input, expected] of cases) {
      const error = await rejection(addCaCertificate(admin, environment, input, request));
      expect(error.code, JSON.stringify(expected)).toBe("VALIDATION");
      for (const [field, message] of Object.entries(expected)) {
        if (typeof message === "string") expect(error.fieldErrors[field]).toBe(message);
        else expect(error.fieldErrors[field]).toMatch(message);
      }
    }
    expect(await counts()).toEqual(before);
  });
});

describe("retiring a CA certificate", () => {
  it("keeps it listed but no longer trusted, once, with an audit event; it cannot be added back", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const retiring = await createTestAuthority({ ...validity, keyAlgorithm: "EC", rootCommonName: "AC À RETIRER" });
    const { id } = await addCaCertificate(admin, "TEST", { text: retiring.root.pem }, request);
    const fingerprint = certificateFacts(retiring.root.der).fingerprintSha256;
    expect(fingerprints(await activeCaBundle("TEST"))).toContain(fingerprint);

    expect(await retireCaCertificate(admin, id, request)).toMatchObject({ id, name: "AC À RETIRER", environment: "TEST" });
    expect(fingerprints(await activeCaBundle("TEST"))).not.toContain(fingerprint);
    const listed = (await caBundleAdministration(admin)).TEST.find((c) => c.id === id);
    expect(listed?.retiredAt).toBeInstanceOf(Date);
    expect(await db().event.count({ where: { name: "ca_certificate.retired", subjectId: id, actorId: admin.userId } })).toBe(1);

    const before = await counts();
    expect((await rejection(retireCaCertificate(admin, id, request))).code).toBe("CONFLICT");
    const again = await rejection(addCaCertificate(admin, "TEST", { text: retiring.root.pem }, request));
    expect(again.fieldErrors.certificate).toMatch(/^L'autorité « AC À RETIRER » a été retirée de l'environnement de test le /);
    expect(await counts()).toEqual(before);
  });

  it("answers not found for an unknown or malformed id", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    expect((await rejection(retireCaCertificate(admin, "00000000-0000-4000-8000-000000000000", request))).code).toBe("NOT_FOUND");
    expect((await rejection(retireCaCertificate(admin, "' OR 1=1 --", request))).code).toBe("NOT_FOUND");
  });

  it("leaves the seeded production bundle alone when a test authority is retired", async () => {
    expect(fingerprints(await activeCaBundle("PRODUCTION"))).toEqual(expect.arrayContaining([ROOT_FINGERPRINT, ISSUING_FINGERPRINT]));
  });
});

describe("only ANS administrators manage the bundles", () => {
  it("refuses reviewers and editors, writing nothing", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const forbidden = await createTestAuthority({ ...validity, keyAlgorithm: "EC", rootCommonName: "AC INTERDITE" });
    const { id } = await addCaCertificate(admin, "TEST", { text: forbidden.root.pem }, request);
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const { legalRepresentative, member } = await createOrganization();
    const before = await counts();
    for (const actor of [reviewer, legalRepresentative, member]) {
      expect((await rejection(addCaCertificate(actor, "TEST", { text: authority.issuing.pem }, request))).code).toBe("FORBIDDEN");
      expect((await rejection(retireCaCertificate(actor, id, request))).code).toBe("FORBIDDEN");
      expect((await rejection(caBundleAdministration(actor))).code).toBe("FORBIDDEN");
    }
    expect(await counts()).toEqual(before);
    expect((await db().caCertificate.findUniqueOrThrow({ where: { id } })).retiredAt).toBeNull();
  });
});

describe("the demo test bundle", () => {
  it("holds the demo authority's root and issuing CA, created in its folder once", async () => {
    const dir = path.join(directory, "demo-test-ca");
    expect(await seedDemoTestCaBundle(db(), dir)).toBe(2);
    expect(await seedDemoTestCaBundle(db(), dir)).toBe(0);
    const demo = await loadTestAuthority(dir);
    if (!demo) throw new Error("the demo authority was not stored");
    const leaf = await issueTestCertificate(demo, { ...validity, commonName: "Service démo", structureId: "390123456700013" });
    const outcome = buildCertificationPath(leaf.der, await activeCaBundle("TEST"), new Date());
    expect(outcome.ok && outcome.authorities.map((a) => a.name)).toEqual([
      "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS",
      "TEST AC RACINE IGC-SANTE ELEMENTAIRE",
    ]);
  });
});

// Last: it retires a seeded production authority for the rest of this file's database.
describe("seeding the production bundle again", () => {
  it("never re-adds an authority that ANS retired", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const issuing = await db().caCertificate.findUniqueOrThrow({
      where: { environment_fingerprintSha256: { environment: "PRODUCTION", fingerprintSha256: ISSUING_FINGERPRINT } },
    });
    await retireCaCertificate(admin, issuing.id, request);
    expect(await seedProductionCaBundle(db())).toBe(0);
    await seedReferenceData(db());
    expect(fingerprints(await activeCaBundle("PRODUCTION"))).not.toContain(ISSUING_FINGERPRINT);
    expect(await db().caCertificate.count({ where: { fingerprintSha256: ISSUING_FINGERPRINT, environment: "PRODUCTION" } })).toBe(1);
  });
});
