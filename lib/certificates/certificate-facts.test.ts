import { createHash, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCertificationPath } from "./certificate-chain";
import { certificateFacts, certificateName } from "./certificate-facts";
import { EKU_CLIENT_AUTH, EKU_SERVER_AUTH, KEY_USAGE_LABELS, KEY_USAGES, extendedKeyUsageLabel } from "./certificate-usages";
import { colonHex } from "./der";
import * as x509 from "./peculiar-x509";
import { createTestAuthority, generateTestKeys, type TestAuthority, type TestCertificate } from "../testing/test-authority";
import { issueSampleLeaves } from "../testing/certificate-samples";

// What openssl prints for the same certificates is compared in openssl.int.test.ts.
const seedData = path.resolve(import.meta.dirname, "../../prisma/seed-data/igc-sante");
const productionRoot = new Uint8Array(readFileSync(path.join(seedData, "AC-RACINE-IGC-SANTE-ELEMENTAIRE.cer")));
const productionIssuing = new Uint8Array(readFileSync(path.join(seedData, "AC-IGC-SANTE-ELEMENTAIRE-ORGANISATIONS.cer")));

const now = new Date("2026-03-01T10:00:00Z");
let authority: TestAuthority;
let rsaLeaf: TestCertificate;
let ecLeaf: TestCertificate;

beforeAll(async () => {
  authority = await createTestAuthority({ notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") });
  ({ rsaLeaf, ecLeaf } = await issueSampleLeaves(authority, now));
});

describe("certificateFacts of generated certificates", () => {
  it("reads an RSA client certificate with accents and an escaped comma in its names", () => {
    const facts = certificateFacts(rsaLeaf.der);
    expect(facts).toMatchObject({
      subjectDn: "CN=Agenda Santé\\, édition « Pro », OU=373282932000074, O=Clinique Saint-Étienne, ST=Île-de-France, C=FR",
      issuerDn: "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS, OU=IGC-SANTE TEST, O=ASIP-SANTE, C=FR",
      subject: {
        cn: "Agenda Santé, édition « Pro »",
        organizationalUnits: ["373282932000074"],
        organization: "Clinique Saint-Étienne",
        country: "FR",
        state: "Île-de-France",
      },
      serialNumber: "FF:10:20:30:40",
      notBefore: "2026-03-01T10:00:00.000Z",
      notAfter: "2029-03-01T09:59:59.000Z",
      publicKey: { algorithm: "RSA", bits: 2048, curve: null },
      keyUsage: ["digitalSignature", "keyEncipherment"],
      extendedKeyUsage: [EKU_CLIENT_AUTH],
      isCa: false,
      selfSigned: false,
    });
    expect(certificateName(facts)).toBe("Agenda Santé, édition « Pro »");
    expect(facts.fingerprintSha256).toBe(colonHex(createHash("sha256").update(rsaLeaf.der).digest()));
  });

  it("reads an EC certificate and escapes leading '#', '+', ';', '<', '>' and edge spaces as RFC 4514 says", () => {
    const facts = certificateFacts(ecLeaf.der);
    expect(facts.subjectDn).toBe("CN=\\#Service \\+ test\\; \\<démo\\>\\ , O=\\ Éditeur, C=FR");
    expect(facts.subject.cn).toBe("#Service + test; <démo> ");
    expect(facts.publicKey).toEqual({ algorithm: "EC", bits: 256, curve: "P-256" });
    expect(facts.extendedKeyUsage).toEqual([EKU_SERVER_AUTH, EKU_CLIENT_AUTH]);
    expect(facts.subject.state).toBeNull();
    expect(facts.subject.organizationalUnits).toEqual([]);
  });

  it("reads the test root and issuing CA", () => {
    const root = certificateFacts(authority.root.der);
    expect(root).toMatchObject({ isCa: true, selfSigned: true, keyUsage: ["keyCertSign", "cRLSign"], extendedKeyUsage: [] });
    expect(root.subjectDn).toBe("CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE, OU=IGC-SANTE TEST, O=ASIP-SANTE, C=FR");
    const issuing = certificateFacts(authority.issuing.der);
    expect(issuing).toMatchObject({ isCa: true, selfSigned: false, issuerDn: root.subjectDn });
  });

  it("tells a self-signed end-entity certificate", async () => {
    const keys = await generateTestKeys("EC");
    const certificate = await x509.X509CertificateGenerator.createSelfSigned(
      {
        name: new x509.Name([{ C: [{ printableString: "FR" }] }, { O: [{ utf8String: "Éditeur" }] }, { CN: [{ utf8String: "Fait maison" }] }]),
        notBefore: now,
        notAfter: new Date("2027-03-01T10:00:00Z"),
        keys,
        signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
        extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
      },
      crypto,
    );
    const facts = certificateFacts(new Uint8Array(certificate.rawData));
    expect(facts).toMatchObject({
      subjectDn: "CN=Fait maison, O=Éditeur, C=FR",
      issuerDn: "CN=Fait maison, O=Éditeur, C=FR",
      selfSigned: true,
      isCa: false,
      keyUsage: ["digitalSignature"],
      extendedKeyUsage: [],
      publicKey: { algorithm: "EC", bits: 256, curve: "P-256" },
    });
  });

  it("gives plain JSON", () => {
    const facts = certificateFacts(rsaLeaf.der);
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });

  it("throws on what is not a certificate", () => {
    expect(() => certificateFacts(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toThrow();
    expect(() => certificateFacts(rsaLeaf.der.subarray(0, 200))).toThrow();
  });
});

describe("the IGC Santé production CA certificates", () => {
  it("reads the root", () => {
    const facts = certificateFacts(productionRoot);
    expect(facts).toMatchObject({
      subjectDn: "CN=AC RACINE IGC-SANTE ELEMENTAIRE, OU=IGC-SANTE, OU=0002 187512751, O=ASIP-SANTE, C=FR",
      subject: { cn: "AC RACINE IGC-SANTE ELEMENTAIRE", organizationalUnits: ["0002 187512751", "IGC-SANTE"], organization: "ASIP-SANTE" },
      serialNumber: "11:20:CE:19:F9:34:6F:94:56:FF:27:00:23:D8:52:90:37:B5",
      fingerprintSha256:
        "2D:9E:22:CA:19:F7:77:C6:B7:45:25:7C:72:3E:CB:8D:F3:C3:5F:A6:F1:F6:EC:36:B8:36:00:C9:73:46:96:7F",
      notBefore: "2013-06-25T00:00:00.000Z",
      notAfter: "2033-06-25T00:00:00.000Z",
      publicKey: { algorithm: "RSA", bits: 4096, curve: null },
      isCa: true,
      selfSigned: true,
    });
  });

  it("reads the issuing CA, and it verifies against the root", () => {
    const facts = certificateFacts(productionIssuing);
    expect(facts).toMatchObject({
      subjectDn: "CN=AC IGC-SANTE ELEMENTAIRE ORGANISATIONS, OU=IGC-SANTE, OU=0002 187512751, O=ASIP-SANTE, C=FR",
      issuerDn: "CN=AC RACINE IGC-SANTE ELEMENTAIRE, OU=IGC-SANTE, OU=0002 187512751, O=ASIP-SANTE, C=FR",
      isCa: true,
      selfSigned: false,
      notAfter: "2033-06-24T00:00:00.000Z",
    });
    expect(new X509Certificate(productionIssuing).verify(new X509Certificate(productionRoot).publicKey)).toBe(true);
    expect(buildCertificationPath(productionIssuing, [{ der: productionRoot }], now)).toEqual({
      ok: true,
      authorities: [
        { name: "AC RACINE IGC-SANTE ELEMENTAIRE", notBefore: new Date("2013-06-25T00:00:00Z"), notAfter: new Date("2033-06-25T00:00:00Z") },
      ],
    });
    // The production root did not sign the test chain.
    expect(buildCertificationPath(authority.issuing.der, [{ der: productionRoot }], now).ok).toBe(false);
  });
});

describe("usage labels", () => {
  it("has a French label for every key usage and the usual extended usages, and falls back to the OID", () => {
    for (const usage of KEY_USAGES) expect(KEY_USAGE_LABELS[usage]).toMatch(/^[A-ZÉ]/);
    expect(extendedKeyUsageLabel(EKU_CLIENT_AUTH)).toBe("Authentification client");
    expect(extendedKeyUsageLabel(EKU_SERVER_AUTH)).toBe("Authentification serveur");
    expect(extendedKeyUsageLabel("1.2.3.4")).toBe("1.2.3.4");
  });
});
