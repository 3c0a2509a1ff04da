// The platform's seal certificate when no real one is configured: a self-signed RSA certificate for "digital
// signature + non-repudiation", packed with its key in a PKCS#12 file protected by a passphrase. A reader such as
// Acrobat shows its identity as unknown; production configures a certificate from a recognised authority (ADR 0007).
import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import forge from "node-forge";

export const PLATFORM_SEAL_COMMON_NAME = "Portail de l'espace de confiance ROR — cachet";
export const PLATFORM_SEAL_ORGANIZATION = "Portail de l'espace de confiance ROR";
export const PLATFORM_SEAL_VALIDITY_YEARS = 5;

export interface PlatformSealCertificateOptions {
  /** Start of validity (the clock is never read here). */
  now: Date;
  passphrase: string;
  commonName?: string;
  organization?: string;
  validityYears?: number;
  /** 3072 by default; 2048 is quicker to generate when a test does not care. */
  modulusLength?: 2048 | 3072;
  /** Hexadecimal; random when absent. */
  serialNumber?: string;
}

export interface GeneratedSealCertificate {
  /** PKCS#12 (key + certificate), encrypted with the passphrase. */
  p12: Uint8Array;
  certificateDer: Uint8Array;
  certificatePem: string;
}

const generateRsaKeyPair = promisify(generateKeyPair);

function utf8Attribute(name: string, value: string): forge.pki.CertificateField {
  return { name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
}

function randomSerialNumber(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f; // positive
  bytes[0] = bytes[0] | 0x10; // no leading zero byte to strip
  return Buffer.from(bytes).toString("hex");
}

function binaryStringToBytes(binary: string): Uint8Array {
  return Uint8Array.from(Buffer.from(binary, "binary"));
}

export async function generatePlatformSealCertificate(
  options: PlatformSealCertificateOptions,
): Promise<GeneratedSealCertificate> {
  const { privateKey: privateKeyPem } = await generateRsaKeyPair("rsa", {
    modulusLength: options.modulusLength ?? 3072,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const privateKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.rsa.setPublicKey(privateKey.n, privateKey.e);

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = options.serialNumber ?? randomSerialNumber();
  const notBefore = new Date(options.now.getTime());
  const notAfter = new Date(options.now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.validityYears ?? PLATFORM_SEAL_VALIDITY_YEARS));
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  // Most general first in the DER, so that it reads "CN=…, O=…, C=FR".
  const name = [
    { name: "countryName", value: "FR" },
    utf8Attribute("organizationName", options.organization ?? PLATFORM_SEAL_ORGANIZATION),
    utf8Attribute("commonName", options.commonName ?? PLATFORM_SEAL_COMMON_NAME),
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", critical: true, digitalSignature: true, nonRepudiation: true },
    { name: "subjectKeyIdentifier" },
  ]);
  certificate.sign(privateKey, forge.md.sha256.create());

  const certificateDerBinary = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], options.passphrase, {
    algorithm: "aes256",
    friendlyName: "ror-platform-seal",
    generateLocalKeyId: true,
  });
  return {
    p12: binaryStringToBytes(forge.asn1.toDer(p12Asn1).getBytes()),
    certificateDer: binaryStringToBytes(certificateDerBinary),
    certificatePem: forge.pki.certificateToPem(certificate),
  };
}
