import { X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCertificationPath } from "../certificates/certificate-chain";
import { certificateFacts } from "../certificates/certificate-facts";
import { EKU_CLIENT_AUTH } from "../certificates/certificate-usages";
import {
  createTestAuthority,
  exportTestAuthority,
  importTestAuthority,
  issueTestCertificate,
  privateKeyPem,
  type TestAuthority,
} from "./test-authority";

const validity = { notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") };
const now = new Date("2026-03-01T10:00:00Z");
let authority: TestAuthority;

beforeAll(async () => {
  authority = await createTestAuthority(validity);
});

describe("the test authority", () => {
  it("imitates IGC Santé's test chain: names, CA flags, RSA 2048", () => {
    const root = certificateFacts(authority.root.der);
    const issuing = certificateFacts(authority.issuing.der);
    expect(root).toMatchObject({
      subjectDn: "CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE, OU=IGC-SANTE TEST, O=ASIP-SANTE, C=FR",
      isCa: true,
      selfSigned: true,
      publicKey: { algorithm: "RSA", bits: 2048 },
      notBefore: "2025-01-01T00:00:00.000Z",
      notAfter: "2035-01-01T00:00:00.000Z",
    });
    expect(issuing).toMatchObject({
      subjectDn: "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS, OU=IGC-SANTE TEST, O=ASIP-SANTE, C=FR",
      issuerDn: root.subjectDn,
      isCa: true,
      selfSigned: false,
    });
  });

  // `openssl verify` checks the same chain in openssl.int.test.ts.
  it("issues client certificates that verify against the chain", async () => {
    const leaf = await issueTestCertificate(authority, {
      commonName: "Agenda Santé",
      structureId: "373282932000074",
      organization: "Éditeur Démo",
      state: "Bretagne",
      notBefore: new Date("2026-01-01T00:00:00Z"),
      notAfter: new Date("2027-01-01T00:00:00Z"),
      keyAlgorithm: "EC",
    });
    expect(certificateFacts(leaf.der)).toMatchObject({
      subjectDn: "CN=Agenda Santé, OU=373282932000074, O=Éditeur Démo, ST=Bretagne, C=FR",
      extendedKeyUsage: [EKU_CLIENT_AUTH],
      isCa: false,
    });
    const [root, issuing, issued] = [authority.root, authority.issuing, leaf].map((c) => new X509Certificate(c.der));
    expect(issued!.checkIssued(issuing!) && issued!.verify(issuing!.publicKey)).toBe(true);
    expect(issuing!.checkIssued(root!) && issuing!.verify(root!.publicKey)).toBe(true);
    expect(root!.verify(root!.publicKey)).toBe(true);
    expect(issued!.verify(root!.publicKey)).toBe(false);
    expect(buildCertificationPath(leaf.der, [{ der: authority.issuing.der }, { der: authority.root.der }], now)).toMatchObject({
      ok: true,
      authorities: [{ name: "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS" }, { name: "TEST AC RACINE IGC-SANTE ELEMENTAIRE" }],
    });
  });

  it("exports what the seed stores, and issues from it again later", async () => {
    const stored = await exportTestAuthority(authority);
    expect(stored.issuingPrivateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);
    expect(stored.rootCertificatePem).toBe(authority.root.pem);
    const restored = await importTestAuthority(JSON.parse(JSON.stringify(stored)));
    expect(restored.root.der).toEqual(authority.root.der);
    expect(restored.issuing.der).toEqual(authority.issuing.der);
    const leaf = await issueTestCertificate(restored, { commonName: "Démo", notBefore: now, notAfter: validity.notAfter, keyAlgorithm: "EC" });
    const outcome = buildCertificationPath(leaf.der, [{ der: authority.issuing.der }, { der: authority.root.der }], now);
    expect(outcome.ok).toBe(true);
  });

  it("restores an EC authority too, and exports a leaf's key for a demo client", async () => {
    const ec = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
    const restored = await importTestAuthority(await exportTestAuthority(ec));
    const leaf = await issueTestCertificate(restored, { commonName: "Démo", notBefore: now, notAfter: validity.notAfter, keyAlgorithm: "EC" });
    expect(buildCertificationPath(leaf.der, [{ der: ec.issuing.der }], now).ok).toBe(true);
    expect(await privateKeyPem(leaf.keys.privateKey)).toContain("-----BEGIN PRIVATE KEY-----");
  });
});
