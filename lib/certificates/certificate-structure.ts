// The fields of an X.509 certificate read straight from its DER (RFC 5280 section 4.1). Node's X509Certificate
// does not expose key usage bits, basic constraints or the names as encoded, and @peculiar/x509 parses about ten
// times slower than this, which matters on every upload and every whitelist check.
import { KEY_USAGES, type KeyUsageName } from "./certificate-usages";
import {
  children,
  content,
  DerError,
  DerTag,
  expectTag,
  readBoolean,
  readNode,
  readOid,
  readSmallInteger,
  readTime,
  type DerNode,
} from "./der";
import { readDistinguishedName, type DistinguishedName } from "./distinguished-name";

export interface BasicConstraints {
  ca: boolean;
  pathLength: number | null;
}

export interface CertificateStructure {
  /** Magnitude bytes of the serial, without DER's sign padding. */
  serialNumber: Uint8Array;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  publicKeyAlgorithmOid: string;
  /** The named curve for EC keys. */
  publicKeyParameterOid: string | null;
  basicConstraints: BasicConstraints | null;
  /** null when the extension is absent, which is not the same as "no usage". */
  keyUsage: KeyUsageName[] | null;
  extendedKeyUsage: string[] | null;
}

const OID_BASIC_CONSTRAINTS = "2.5.29.19";
const OID_KEY_USAGE = "2.5.29.15";
const OID_EXTENDED_KEY_USAGE = "2.5.29.37";

/** True when the DER is shaped like a certificate (tbsCertificate, algorithm, signature), before reading it. */
export function looksLikeCertificate(outer: DerNode): boolean {
  if (outer.tag !== DerTag.sequence) return false;
  const parts = children(outer);
  if (parts.length !== 3 || parts[0]!.tag !== DerTag.sequence || parts[1]!.tag !== DerTag.sequence) return false;
  if (parts[2]!.tag !== DerTag.bitString) return false;
  // A certification request has the same outer shape but a four-field body ending with its attributes.
  return children(parts[0]!).length >= 6;
}

export function readCertificateStructure(der: Uint8Array): CertificateStructure {
  const outer = readNode(der);
  if (outer.end !== der.length) throw new DerError("DER: trailing data after the certificate");
  const [tbs, signatureAlgorithm, signature] = children(expectTag(outer, DerTag.sequence, "a Certificate"));
  expectTag(signatureAlgorithm, DerTag.sequence, "an AlgorithmIdentifier");
  expectTag(signature, DerTag.bitString, "a signature");

  const fields = children(expectTag(tbs, DerTag.sequence, "a TBSCertificate"));
  let index = 0;
  // [0] EXPLICIT version, absent for v1 certificates.
  if (fields[0]?.tag === 0xa0) index++;
  const serialNode = expectTag(fields[index++], DerTag.integer, "a serial number");
  expectTag(fields[index++], DerTag.sequence, "the signature algorithm");
  const issuer = readDistinguishedName(fields[index++]!);
  const validity = children(expectTag(fields[index++], DerTag.sequence, "a validity"));
  if (validity.length !== 2) throw new DerError("DER: bad validity");
  const subject = readDistinguishedName(expectTag(fields[index++], DerTag.sequence, "a subject"));
  const spki = children(expectTag(fields[index++], DerTag.sequence, "a public key"));
  const algorithm = children(expectTag(spki[0], DerTag.sequence, "a key algorithm"));
  const parameter = algorithm[1]?.tag === DerTag.oid ? readOid(algorithm[1]) : null;

  let extensions: DerNode[] = [];
  for (const field of fields.slice(index)) {
    if (field.tag === 0xa3) {
      extensions = children(expectTag(children(field)[0], DerTag.sequence, "extensions"));
    }
  }

  const structure: CertificateStructure = {
    serialNumber: serialMagnitude(content(serialNode)),
    issuer,
    subject,
    notBefore: readTime(validity[0]!),
    notAfter: readTime(validity[1]!),
    publicKeyAlgorithmOid: readOid(algorithm[0]!),
    publicKeyParameterOid: parameter,
    basicConstraints: null,
    keyUsage: null,
    extendedKeyUsage: null,
  };

  const seen = new Set<string>();
  for (const extension of extensions) {
    const parts = children(expectTag(extension, DerTag.sequence, "an extension"));
    const oid = readOid(parts[0]!);
    if (seen.has(oid)) throw new DerError("DER: repeated extension");
    seen.add(oid);
    const valueNode = expectTag(parts[parts.length - 1], DerTag.octetString, "an extension value");
    const value = readNode(valueNode.bytes, valueNode.valueStart, valueNode.end);
    if (value.end !== valueNode.end) throw new DerError("DER: trailing data in an extension");
    if (oid === OID_BASIC_CONSTRAINTS) structure.basicConstraints = readBasicConstraints(value);
    else if (oid === OID_KEY_USAGE) structure.keyUsage = readKeyUsage(value);
    else if (oid === OID_EXTENDED_KEY_USAGE) structure.extendedKeyUsage = children(value).map(readOid);
  }
  return structure;
}

function serialMagnitude(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw new DerError("DER: empty serial number");
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.slice(start);
}

function readBasicConstraints(node: DerNode): BasicConstraints {
  let ca = false;
  let pathLength: number | null = null;
  for (const part of children(expectTag(node, DerTag.sequence, "basic constraints"))) {
    if (part.tag === DerTag.boolean) ca = readBoolean(part);
    else if (part.tag === DerTag.integer) pathLength = readSmallInteger(part);
  }
  return { ca, pathLength };
}

function readKeyUsage(node: DerNode): KeyUsageName[] {
  const value = content(expectTag(node, DerTag.bitString, "key usage bits"));
  const bits = value.subarray(1);
  return KEY_USAGES.filter((_, bit) => {
    const byte = bits[bit >> 3];
    return byte !== undefined && (byte & (0x80 >> (bit & 7))) !== 0;
  });
}
