import { createPrivateKey, createPublicKey, randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import { beforeAll, describe, expect, it } from "vitest";
import { generatePlatformSealCertificate } from "../attestations/platform-seal-certificate";
import { CERTIFICATE_INPUT_ERRORS, MAX_CERTIFICATE_FILE_BYTES, readCertificateInput, type CertificateInputResult } from "./certificate-input";
import { EKU_CLIENT_AUTH, EKU_SERVER_AUTH } from "./certificate-usages";
import { children, content, readNode } from "./der";
import * as x509 from "./peculiar-x509";
import { pemEncode } from "./pem";
import { createTestAuthority, issueTestCertificate, privateKeyPem, type TestAuthority, type TestLeaf } from "../testing/test-authority";
import { accepted, refusal } from "../testing/certificate-samples";

const validity = { notBefore: new Date("2026-01-01T00:00:00Z"), notAfter: new Date("2027-01-01T00:00:00Z") };
const UNREADABLE = "n'est pas un certificat X.509 lisible";

// Every file here is made with JavaScript libraries (Node's crypto, @peculiar/x509, asn1js, node-forge); the same
// kinds of files made by the openssl command are read in openssl.int.test.ts.
let authority: TestAuthority;
let leaf: TestLeaf;
let caLeaf: TestLeaf;
let serverLeaf: TestLeaf;
let keyPem: string;

/** The DER inside a PKCS#8 PrivateKeyInfo: PKCS#1 for RSA keys, SEC1 for EC keys. */
function innerKey(pkcs8: Uint8Array): Uint8Array {
  const parts = children(readNode(pkcs8));
  return content(parts[2]!).slice();
}

/** openssl's TRUSTED CERTIFICATE (`x509 -trustout -addtrust clientAuth`): the certificate, then its trust settings. */
function trustedCertificatePem(der: Uint8Array): string {
  const aux = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: EKU_CLIENT_AUTH })] })] });
  return pemEncode(new Uint8Array([...der, ...new Uint8Array(aux.toBER())]), "TRUSTED CERTIFICATE");
}

/** A certificates-only PKCS#7 SignedData (.p7b), as `openssl crl2pkcs7 -nocrl` writes it. */
function pkcs7(certificates: { der: Uint8Array }[]): Uint8Array {
  return new Uint8Array(new x509.X509Certificates(certificates.map((c) => new x509.X509Certificate(new Uint8Array(c.der)))).export("raw"));
}

beforeAll(async () => {
  // The input reader does not care about key types: EC keys keep the test fast.
  authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
  leaf = await issueTestCertificate(authority, { ...validity, commonName: "Mon Service", structureId: "373282932000074", keyAlgorithm: "EC" });
  caLeaf = await issueTestCertificate(authority, { ...validity, commonName: "Sous-autorité", isCa: true, keys: leaf.keys });
  serverLeaf = await issueTestCertificate(authority, { ...validity, commonName: "Serveur", extendedKeyUsages: [EKU_SERVER_AUTH], keys: leaf.keys });
  keyPem = await privateKeyPem(leaf.keys.privateKey);
});

describe("accepted certificates", () => {
  it("reads a PEM given as text", () => {
    const result = accepted(readCertificateInput({ text: leaf.pem }));
    expect(result.der).toEqual(leaf.der);
    expect(result.notes).toEqual([]);
  });

  it("reads a DER file and a PEM file given as bytes", () => {
    expect(accepted(readCertificateInput({ bytes: leaf.der })).der).toEqual(leaf.der);
    expect(accepted(readCertificateInput({ bytes: new TextEncoder().encode(leaf.pem) })).der).toEqual(leaf.der);
  });

  it("tolerates a byte-order mark, CRLF line ends, text around the block and a trailing line break after DER", () => {
    const pem = `\ufeffBag Attributes\r\n    friendlyName: mon-service\r\n${leaf.pem.replace(/\n/g, "\r\n")}`;
    expect(accepted(readCertificateInput({ bytes: new TextEncoder().encode(pem) })).der).toEqual(leaf.der);
    expect(accepted(readCertificateInput({ bytes: new Uint8Array([...leaf.der, 0x0d, 0x0a]) })).der).toEqual(leaf.der);
  });

  it("reads base64 pasted without its BEGIN and END lines", () => {
    const base64 = leaf.pem.split("\n").filter((line) => !line.startsWith("-----")).join("\n");
    expect(accepted(readCertificateInput({ text: base64 })).der).toEqual(leaf.der);
  });

  it("reads openssl's TRUSTED CERTIFICATE form", () => {
    const trusted = trustedCertificatePem(leaf.der);
    expect(accepted(readCertificateInput({ text: trusted })).der).toEqual(leaf.der);
  });

  it("keeps the first end-entity certificate of a chain, with a note naming it", () => {
    const result = accepted(readCertificateInput({ text: authority.issuing.pem + authority.root.pem + leaf.pem }));
    expect(result.der).toEqual(leaf.der);
    expect(result.notes).toEqual([
      "Le fichier contient 3 certificats : seul le certificat « Mon Service » (n° 3) a été retenu, car c'est le premier " +
        "qui n'est pas une autorité de certification. Les autres ont été ignorés.",
    ]);
  });

  it("keeps the first certificate when all are authorities, for the policy to refuse", () => {
    const result = accepted(readCertificateInput({ text: authority.issuing.pem + authority.root.pem }));
    expect(result.der).toEqual(authority.issuing.der);
    expect(result.notes[0]).toBe(
      "Le fichier contient 2 certificats, tous d'autorités de certification : le premier, « TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS », a été retenu.",
    );
  });

  it("reads PKCS#7 bundles (.p7b), in DER and PEM", () => {
    const der = accepted(readCertificateInput({ bytes: pkcs7([authority.issuing, authority.root, leaf]) }));
    expect(der.der).toEqual(leaf.der);
    expect(der.notes[0]).toContain("Le fichier contient 3 certificats");
    const pem = pemEncode(pkcs7([leaf]), "PKCS7");
    expect(accepted(readCertificateInput({ text: pem }))).toEqual({ ok: true, der: leaf.der, notes: [] });
  });

  it("reads a CA certificate and a certificate without client authentication: the policy refuses them, not the reader", () => {
    expect(accepted(readCertificateInput({ text: caLeaf.pem })).der).toEqual(caLeaf.der);
    expect(accepted(readCertificateInput({ bytes: serverLeaf.der })).der).toEqual(serverLeaf.der);
  });
});

describe("refused files", () => {
  it("refuses an empty file", () => {
    expect(refusal(readCertificateInput({ bytes: new Uint8Array(0) }))).toBe(CERTIFICATE_INPUT_ERRORS.empty);
    expect(refusal(readCertificateInput({ text: "" }))).toBe(CERTIFICATE_INPUT_ERRORS.empty);
    expect(refusal(readCertificateInput({ text: " \n\t " }))).toBe(CERTIFICATE_INPUT_ERRORS.empty);
    expect(CERTIFICATE_INPUT_ERRORS.empty).toBe("Le fichier est vide. Choisissez le fichier du certificat (.pem, .crt, .cer ou .der).");
  });

  it("refuses a file over 64 KiB before reading it, even a valid PEM padded with text", () => {
    const padded = `${leaf.pem}${"#".repeat(MAX_CERTIFICATE_FILE_BYTES)}`;
    expect(refusal(readCertificateInput({ text: padded }))).toBe(CERTIFICATE_INPUT_ERRORS.tooLarge);
    expect(refusal(readCertificateInput({ bytes: new Uint8Array(MAX_CERTIFICATE_FILE_BYTES + 1) }))).toBe(
      CERTIFICATE_INPUT_ERRORS.tooLarge,
    );
    // Exactly 64 KiB is read (and found not to be a certificate).
    expect(refusal(readCertificateInput({ bytes: new Uint8Array(MAX_CERTIFICATE_FILE_BYTES).fill(0x41) }))).toContain(UNREADABLE);
    expect(CERTIFICATE_INPUT_ERRORS.tooLarge).toContain("plus de 64 Kio");
  });

  it("refuses random bytes, whatever their first byte", () => {
    for (const first of [0x00, 0x30, 0x41, 0xff]) {
      const bytes = new Uint8Array(randomBytes(2000));
      bytes[0] = first;
      expect(refusal(readCertificateInput({ bytes }))).toContain(UNREADABLE);
    }
    expect(refusal(readCertificateInput({ text: "Bonjour, voici notre certificat." }))).toBe(CERTIFICATE_INPUT_ERRORS.unreadable);
  });

  it("refuses a truncated DER or PEM as unreadable, saying it looks truncated", () => {
    expect(refusal(readCertificateInput({ bytes: leaf.der.subarray(0, leaf.der.length - 40) }))).toBe(CERTIFICATE_INPUT_ERRORS.truncated);
    expect(refusal(readCertificateInput({ bytes: leaf.der.subarray(0, 1) }))).toBe(CERTIFICATE_INPUT_ERRORS.truncated);
    expect(refusal(readCertificateInput({ text: leaf.pem.slice(0, leaf.pem.length / 2) }))).toBe(CERTIFICATE_INPUT_ERRORS.truncated);
    expect(CERTIFICATE_INPUT_ERRORS.truncated).toContain(UNREADABLE);
  });

  it("refuses a damaged certificate: bad base64, altered structure, trailing garbage", () => {
    const lines = leaf.pem.split("\n");
    lines[3] = "!!!!" + lines[3]!.slice(4);
    expect(refusal(readCertificateInput({ text: lines.join("\n") }))).toBe(CERTIFICATE_INPUT_ERRORS.unreadable);
    const altered = leaf.der.slice();
    altered[6] = altered[6]! ^ 0x01; // the tbsCertificate's length no longer matches its content
    expect(refusal(readCertificateInput({ bytes: altered }))).toContain(UNREADABLE);
    expect(refusal(readCertificateInput({ bytes: new Uint8Array([...leaf.der, 0x30, 0x00]) }))).toBe(CERTIFICATE_INPUT_ERRORS.unreadable);
  });

  it("names the unreadable certificate of a chain", () => {
    const broken = `-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n`;
    expect(refusal(readCertificateInput({ text: leaf.pem + broken }))).toBe(CERTIFICATE_INPUT_ERRORS.unreadableInBundle(2));
  });

  describe("private keys", () => {
    const expectKeyRefusal = (result: CertificateInputResult, keyMaterial: string) => {
      const error = refusal(result);
      expect(error).toBe(CERTIFICATE_INPUT_ERRORS.privateKey);
      expect(error).toContain("Ne transmettez jamais de clé privée");
      expect(error).toContain("compromise");
      expect(JSON.stringify(result)).not.toContain(keyMaterial.slice(0, 16));
    };

    it.each(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY"])(
      "refuses a PEM holding a %s, alone or next to the certificate",
      async (label) => {
        const body = (await privateKeyPem(leaf.keys.privateKey)).split("\n").slice(1, -2).join("\n");
        const key = `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
        expectKeyRefusal(readCertificateInput({ text: key }), body);
        expectKeyRefusal(readCertificateInput({ text: leaf.pem + key }), body);
        expectKeyRefusal(readCertificateInput({ bytes: new TextEncoder().encode(key + leaf.pem) }), body);
      },
    );

    it("recognises DER private keys: PKCS#8, PKCS#1 (RSA), SEC1 (EC), encrypted PKCS#8", async () => {
      const ecPkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", leaf.keys.privateKey));
      const rsaKeys = await crypto.subtle.generateKey(
        { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) },
        true,
        ["sign"],
      );
      const rsaPkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", rsaKeys.privateKey));
      const encrypted = new Uint8Array(
        createPrivateKey(keyPem).export({ type: "pkcs8", format: "der", cipher: "aes-256-cbc", passphrase: "secret" }),
      );
      for (const der of [ecPkcs8, rsaPkcs8, innerKey(rsaPkcs8), innerKey(ecPkcs8), encrypted]) {
        const hex = Buffer.from(der).toString("hex");
        expectKeyRefusal(readCertificateInput({ bytes: der }), hex);
        // And the same key pasted as bare base64.
        expectKeyRefusal(readCertificateInput({ text: Buffer.from(der).toString("base64") }), hex);
      }
      // A DER key wrapped in a certificate label is still a key.
      const sec1 = innerKey(ecPkcs8);
      expectKeyRefusal(readCertificateInput({ text: pemEncode(sec1, "CERTIFICATE") }), Buffer.from(sec1).toString("base64"));
    });

    it("refuses a PKCS#12 (.p12/.pfx) container, which normally holds the private key", async () => {
      // The platform seal's PKCS#12 (node-forge): a key bag and a certificate bag, AES-256 encrypted.
      const { p12 } = await generatePlatformSealCertificate({ now: new Date(), passphrase: "secret", modulusLength: 2048 });
      const error = refusal(readCertificateInput({ bytes: p12 }));
      expect(error).toBe(CERTIFICATE_INPUT_ERRORS.pkcs12);
      expect(error).toContain("Ne transmettez jamais de clé privée");
    });
  });

  it("refuses a certificate request and a bare public key, saying what they are", async () => {
    const request = await x509.Pkcs10CertificateRequestGenerator.create(
      { name: "CN=Mon Service", keys: leaf.keys, signingAlgorithm: { name: "ECDSA", hash: "SHA-256" } },
      crypto,
    );
    const csr = request.toString("pem");
    expect(csr).toContain("BEGIN CERTIFICATE REQUEST");
    expect(refusal(readCertificateInput({ text: csr }))).toBe(CERTIFICATE_INPUT_ERRORS.certificateRequest);
    expect(refusal(readCertificateInput({ bytes: new Uint8Array(request.rawData) }))).toBe(CERTIFICATE_INPUT_ERRORS.certificateRequest);
    const publicKey = createPublicKey(keyPem).export({ type: "spki", format: "pem" }).toString();
    expect(refusal(readCertificateInput({ text: publicKey }))).toBe(CERTIFICATE_INPUT_ERRORS.publicKey);
  });
});
