// A certificate turned into plain, JSON-serialisable facts: what the portal stores, shows and checks.
import type { X509Certificate } from "node:crypto";
import { readCertificateStructure } from "./certificate-structure";
import type { KeyUsageName } from "./certificate-usages";
import { colonHex } from "./der";
import { formatDistinguishedName, nameAttributes, type NameAttributes } from "./distinguished-name";
import { opensslCertificate } from "./openssl-certificate";

export interface CertificatePublicKey {
  /** "RSA", "EC", "RSA-PSS", "Ed25519"... or the algorithm's OID when Node does not know it. */
  algorithm: string;
  /** Modulus length for RSA, curve size for EC; null when unknown. */
  bits: number | null;
  /** NIST name when there is one ("P-256"), else OpenSSL's; null for non-EC keys. */
  curve: string | null;
}

export interface CertificateFacts {
  /** RFC 4514 form, most specific first: "CN=..., OU=..., O=..., C=FR". */
  subjectDn: string;
  issuerDn: string;
  subject: NameAttributes;
  issuer: NameAttributes;
  /** Uppercase hex pairs separated by colons, as in `openssl x509 -text`. */
  serialNumber: string;
  /** SHA-256 of the DER, uppercase hex pairs separated by colons, as `openssl x509 -fingerprint -sha256`. */
  fingerprintSha256: string;
  /** ISO 8601 instants (UTC). */
  notBefore: string;
  notAfter: string;
  publicKey: CertificatePublicKey;
  /** Empty when the certificate has no keyUsage extension. */
  keyUsage: KeyUsageName[];
  /** OIDs; empty when the certificate has no extendedKeyUsage extension. */
  extendedKeyUsage: string[];
  /** basicConstraints cA. */
  isCa: boolean;
  /** Issuer equals subject and the certificate's own key verifies its signature. */
  selfSigned: boolean;
}

const CURVES: Record<string, { name: string; bits: number }> = {
  prime256v1: { name: "P-256", bits: 256 },
  secp384r1: { name: "P-384", bits: 384 },
  secp521r1: { name: "P-521", bits: 521 },
};

const KEY_TYPES: Record<string, string> = {
  rsa: "RSA",
  "rsa-pss": "RSA-PSS",
  ec: "EC",
  dsa: "DSA",
  ed25519: "Ed25519",
  ed448: "Ed448",
};

/**
 * Reads the facts of a DER certificate. Throws when the DER is not a readable certificate: call it on what
 * `readCertificateInput` returned, which has already checked that.
 */
export function certificateFacts(der: Uint8Array): CertificateFacts {
  const structure = readCertificateStructure(der);
  const certificate = opensslCertificate(der);
  const subjectDn = formatDistinguishedName(structure.subject);
  const issuerDn = formatDistinguishedName(structure.issuer);
  return {
    subjectDn,
    issuerDn,
    subject: nameAttributes(structure.subject),
    issuer: nameAttributes(structure.issuer),
    serialNumber: colonHex(structure.serialNumber),
    fingerprintSha256: certificate.fingerprint256.toUpperCase(),
    notBefore: structure.notBefore.toISOString(),
    notAfter: structure.notAfter.toISOString(),
    publicKey: publicKeyFacts(certificate, structure.publicKeyAlgorithmOid),
    keyUsage: structure.keyUsage ?? [],
    extendedKeyUsage: structure.extendedKeyUsage ?? [],
    isCa: structure.basicConstraints?.ca ?? false,
    selfSigned: isSelfSigned(certificate, subjectDn, issuerDn),
  };
}

/** How a certificate is named in messages: its CN, or its whole subject when it has none. */
export function certificateName(facts: Pick<CertificateFacts, "subject" | "subjectDn">): string {
  return facts.subject.cn ?? facts.subjectDn;
}

function publicKeyFacts(certificate: X509Certificate, algorithmOid: string): CertificatePublicKey {
  try {
    const key = certificate.publicKey;
    const type = key.asymmetricKeyType ?? "";
    const details = key.asymmetricKeyDetails ?? {};
    if (type === "ec") {
      const curve = details.namedCurve ?? null;
      const known = curve ? CURVES[curve] : undefined;
      return { algorithm: "EC", bits: known?.bits ?? bitsInCurveName(curve), curve: known?.name ?? curve };
    }
    const bits = details.modulusLength ?? (type === "ed25519" ? 256 : type === "ed448" ? 456 : null);
    return { algorithm: KEY_TYPES[type] ?? (type ? type.toUpperCase() : algorithmOid), bits, curve: null };
  } catch {
    // A key type OpenSSL cannot load; the certificate is still worth describing.
    return { algorithm: algorithmOid, bits: null, curve: null };
  }
}

function bitsInCurveName(curve: string | null): number | null {
  const match = curve ? /(\d{3})/.exec(curve) : null;
  return match ? Number(match[1]) : null;
}

// Not OpenSSL's checkIssued: it also demands keyCertSign, so it would miss self-signed end-entity certificates.
function isSelfSigned(certificate: X509Certificate, subjectDn: string, issuerDn: string): boolean {
  try {
    return subjectDn === issuerDn && certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}
