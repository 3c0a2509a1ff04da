// Our certificate reading against the openssl command, an independent implementation: what openssl prints about a
// certificate, certificateFacts says too; what the test authority issues, `openssl verify` accepts; what openssl
// writes (trusted certificates, PKCS#7, PKCS#12, encrypted keys, requests), readCertificateInput reads or refuses as
// it should. The unit tests beside this file make the same kinds of files with JavaScript libraries only.
// openssl must be installed: the test command checks it first (lib/runtime/system-programs.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CERTIFICATE_INPUT_ERRORS, readCertificateInput } from "./certificate-input";
import { certificateFacts, type CertificateFacts } from "./certificate-facts";
import { EKU_CLIENT_AUTH, EKU_SERVER_AUTH } from "./certificate-usages";
import { createTestAuthority, privateKeyPem, type TestAuthority, type TestLeaf } from "../testing/test-authority";
import { accepted, issueSampleLeaves, refusal } from "../testing/certificate-samples";

const seedData = path.resolve(import.meta.dirname, "../../prisma/seed-data/igc-sante");
const productionRoot = new Uint8Array(readFileSync(path.join(seedData, "AC-RACINE-IGC-SANTE-ELEMENTAIRE.cer")));
const productionIssuing = new Uint8Array(readFileSync(path.join(seedData, "AC-IGC-SANTE-ELEMENTAIRE-ORGANISATIONS.cer")));
const now = new Date("2026-03-01T10:00:00Z");

const OPENSSL_KEY_USAGES: Record<string, string> = {
  "Digital Signature": "digitalSignature",
  "Non Repudiation": "nonRepudiation",
  "Key Encipherment": "keyEncipherment",
  "Data Encipherment": "dataEncipherment",
  "Key Agreement": "keyAgreement",
  "Certificate Sign": "keyCertSign",
  "CRL Sign": "cRLSign",
  "Encipher Only": "encipherOnly",
  "Decipher Only": "decipherOnly",
};
const OPENSSL_EKUS: Record<string, string> = {
  "TLS Web Client Authentication": EKU_CLIENT_AUTH,
  "TLS Web Server Authentication": EKU_SERVER_AUTH,
};

let directory: string;
let fileCount = 0;
let authority: TestAuthority;
let rsaLeaf: TestLeaf;
let ecLeaf: TestLeaf;

function openssl(...args: string[]): Buffer {
  return execFileSync("openssl", args, { cwd: directory, stdio: ["ignore", "pipe", "ignore"] });
}

function file(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(directory, name)));
}

/** What openssl prints for a certificate, in the shape of CertificateFacts. */
function opensslFacts(der: Uint8Array) {
  const name = `${fileCount++}.der`;
  writeFileSync(path.join(directory, name), der);
  const output = openssl(
    ...["x509", "-inform", "DER", "-in", name, "-noout", "-text", "-fingerprint", "-sha256", "-serial"],
    ...["-subject", "-issuer", "-dates", "-dateopt", "iso_8601", "-nameopt", "RFC2253,-esc_msb,sep_comma_plus_space"],
  ).toString("utf8");
  const line = (pattern: RegExp) => pattern.exec(output)?.[1] ?? null;
  const isoDate = (text: string | null) => (text ? new Date(text.replace(" ", "T")).toISOString() : null);
  const list = (text: string | null, names: Record<string, string>) =>
    text ? text.split(", ").map((usage) => names[usage.trim()] ?? usage.trim()) : [];
  return {
    subjectDn: line(/^subject=(.*)$/m),
    issuerDn: line(/^issuer=(.*)$/m),
    serial: line(/^serial=([0-9A-F]+)$/m),
    fingerprintSha256: line(/^sha256 Fingerprint=([0-9A-F:]+)$/im),
    notBefore: isoDate(line(/^notBefore=(.*)$/m)),
    notAfter: isoDate(line(/^notAfter=(.*)$/m)),
    bits: Number(line(/Public-Key: \((\d+) bit\)/)),
    curve: line(/NIST CURVE: (\S+)/),
    keyUsage: list(line(/X509v3 Key Usage:.*\n\s*(.+)/), OPENSSL_KEY_USAGES),
    extendedKeyUsage: list(line(/X509v3 Extended Key Usage:.*\n\s*(.+)/), OPENSSL_EKUS),
    isCa: line(/CA:(TRUE|FALSE)/) === "TRUE",
  };
}

function expectSameAsOpenssl(facts: CertificateFacts, der: Uint8Array) {
  const expected = opensslFacts(der);
  expect(facts.subjectDn).toBe(expected.subjectDn);
  expect(facts.issuerDn).toBe(expected.issuerDn);
  // openssl -serial drops leading zeros; -text prints the same bytes with colons.
  expect(facts.serialNumber.replace(/:/g, "").replace(/^0+/, "")).toBe(expected.serial?.replace(/^0+/, ""));
  expect(facts.fingerprintSha256).toBe(expected.fingerprintSha256);
  expect(facts.notBefore).toBe(expected.notBefore);
  expect(facts.notAfter).toBe(expected.notAfter);
  expect(facts.publicKey.bits).toBe(expected.bits);
  if (expected.curve) expect(facts.publicKey.curve).toBe(expected.curve);
  expect(facts.keyUsage).toEqual(expected.keyUsage);
  expect(facts.extendedKeyUsage).toEqual(expected.extendedKeyUsage);
  expect(facts.isCa).toBe(expected.isCa);
}

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), "ror-openssl-"));
  authority = await createTestAuthority({ notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") });
  ({ rsaLeaf, ecLeaf } = await issueSampleLeaves(authority, now));
  writeFileSync(path.join(directory, "root.pem"), authority.root.pem);
  writeFileSync(path.join(directory, "issuing.pem"), authority.issuing.pem);
  writeFileSync(path.join(directory, "leaf.pem"), ecLeaf.pem);
  writeFileSync(path.join(directory, "key.pem"), await privateKeyPem(ecLeaf.keys.privateKey));
  writeFileSync(path.join(directory, "chain.pem"), authority.issuing.pem + authority.root.pem + ecLeaf.pem);
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("certificateFacts says what openssl x509 prints", () => {
  it("for an RSA client certificate with accents and an escaped comma in its names", () => {
    expectSameAsOpenssl(certificateFacts(rsaLeaf.der), rsaLeaf.der);
  });

  it("for an EC certificate with characters RFC 4514 escapes", () => {
    expectSameAsOpenssl(certificateFacts(ecLeaf.der), ecLeaf.der);
  });

  it("for the test root and issuing CA", () => {
    expectSameAsOpenssl(certificateFacts(authority.root.der), authority.root.der);
    expectSameAsOpenssl(certificateFacts(authority.issuing.der), authority.issuing.der);
  });

  it("for IGC Santé's production root and issuing CA", () => {
    expectSameAsOpenssl(certificateFacts(productionRoot), productionRoot);
    expectSameAsOpenssl(certificateFacts(productionIssuing), productionIssuing);
  });

  it("for a self-signed end-entity certificate made by openssl", () => {
    openssl(
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "/dev/null"],
      ...["-utf8", "-subj", "/C=FR/O=Éditeur/CN=Fait maison", "-addext", "basicConstraints=critical,CA:FALSE"],
      ...["-addext", "keyUsage=critical,digitalSignature", "-outform", "DER", "-out", "self-signed.der"],
    );
    const der = file("self-signed.der");
    const facts = certificateFacts(der);
    expectSameAsOpenssl(facts, der);
    expect(facts).toMatchObject({ subjectDn: "CN=Fait maison, O=Éditeur, C=FR", selfSigned: true, isCa: false, keyUsage: ["digitalSignature"] });
  });
});

describe("the test authority", () => {
  it("issues client certificates that openssl verifies against the chain, for client authentication", () => {
    const verify = (purpose: string) =>
      execFileSync(
        "openssl",
        ["verify", "-attime", String(now.getTime() / 1000), "-purpose", purpose, "-CAfile", "root.pem", "-untrusted", "issuing.pem", "leaf.pem"],
        { cwd: directory, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
    expect(verify("sslclient").trim()).toBe("leaf.pem: OK");
    writeFileSync(path.join(directory, "leaf.pem"), rsaLeaf.pem);
    expect(verify("sslclient").trim()).toBe("leaf.pem: OK");
    // The RSA leaf has no server-authentication usage: openssl refuses it for that purpose.
    expect(() => verify("sslserver")).toThrow();
    writeFileSync(path.join(directory, "leaf.pem"), ecLeaf.pem);
  });
});

describe("files made by openssl, read by readCertificateInput", () => {
  it("reads openssl's TRUSTED CERTIFICATE form", () => {
    const trusted = openssl("x509", "-in", "leaf.pem", "-trustout", "-addtrust", "clientAuth").toString();
    expect(trusted).toContain("BEGIN TRUSTED CERTIFICATE");
    expect(accepted(readCertificateInput({ text: trusted })).der).toEqual(ecLeaf.der);
  });

  it("reads PKCS#7 bundles (.p7b), in DER and PEM", () => {
    openssl("crl2pkcs7", "-nocrl", "-certfile", "chain.pem", "-outform", "DER", "-out", "chain.p7b");
    const der = accepted(readCertificateInput({ bytes: file("chain.p7b") }));
    expect(der.der).toEqual(ecLeaf.der);
    expect(der.notes[0]).toContain("Le fichier contient 3 certificats");
    const pem = openssl("crl2pkcs7", "-nocrl", "-certfile", "leaf.pem").toString();
    expect(pem).toContain("BEGIN PKCS7");
    expect(accepted(readCertificateInput({ text: pem }))).toEqual({ ok: true, der: ecLeaf.der, notes: [] });
  });

  it("refuses an encrypted PKCS#8 key and a PKCS#12 container", () => {
    openssl("pkcs8", "-topk8", "-in", "key.pem", "-v2", "aes-256-cbc", "-passout", "pass:secret", "-outform", "DER", "-out", "key.p8e");
    expect(refusal(readCertificateInput({ bytes: file("key.p8e") }))).toBe(CERTIFICATE_INPUT_ERRORS.privateKey);
    openssl("pkcs12", "-export", "-in", "leaf.pem", "-inkey", "key.pem", "-passout", "pass:secret", "-out", "bundle.p12");
    expect(refusal(readCertificateInput({ bytes: file("bundle.p12") }))).toBe(CERTIFICATE_INPUT_ERRORS.pkcs12);
  });

  it("refuses a certificate request and a bare public key, saying what they are", () => {
    openssl("req", "-new", "-key", "key.pem", "-subj", "/CN=Mon Service", "-out", "request.csr");
    expect(refusal(readCertificateInput({ text: readFileSync(path.join(directory, "request.csr"), "utf8") }))).toBe(
      CERTIFICATE_INPUT_ERRORS.certificateRequest,
    );
    openssl("req", "-in", "request.csr", "-outform", "DER", "-out", "request.der");
    expect(refusal(readCertificateInput({ bytes: file("request.der") }))).toBe(CERTIFICATE_INPUT_ERRORS.certificateRequest);
    const publicKey = openssl("pkey", "-in", "key.pem", "-pubout").toString();
    expect(refusal(readCertificateInput({ text: publicKey }))).toBe(CERTIFICATE_INPUT_ERRORS.publicKey);
  });
});
