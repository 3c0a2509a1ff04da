// Checks that a PDF carries this portal's seal and has not changed since: the one PAdES signature must cover the
// whole file except its /Contents hole, its CMS messageDigest must match the covered bytes, the CMS signature must
// verify with the embedded certificate, and that certificate must be one of the trusted seal certificates.
// pkijs parses the CMS and verifies the signature; this file only locates the signature in the PDF.
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { readCertificateStructure } from "../certificates/certificate-structure";
import { formatDistinguishedName, nameAttributes } from "../certificates/distinguished-name";

export type SealInvalidReason =
  /** The signature structures are unreadable (ByteRange, /Contents or CMS). */
  | "malformed"
  /** Bytes were added after the signed part (an incremental update, or anything appended). */
  | "modified-after-sealing"
  /** The signed bytes differ from what was signed (a changed byte). */
  | "digest-mismatch"
  /** The CMS signature itself does not verify with the embedded certificate. */
  | "bad-signature"
  /** More than one signature: the portal seals once. */
  | "several-signatures";

export interface SealSigner {
  /** RFC 4514, most specific first: "CN=..., O=..., C=FR". */
  subjectDn: string;
  commonName: string | null;
}

export type SealVerification =
  | { status: "not-pdf" }
  | { status: "no-signature" }
  | { status: "invalid"; reason: SealInvalidReason }
  | { status: "unknown-signer"; signer: SealSigner }
  | { status: "valid"; signer: SealSigner; signingTime: Date | null; subFilter: string | null };

const OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
const OID_SIGNING_TIME = "1.2.840.113549.1.9.5";
const OID_SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47";
const OID_SIGNED_DATA = "1.2.840.113549.1.7.2";

const HASHES: Record<string, string> = {
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

const BYTE_RANGE = Buffer.from("/ByteRange");
const PDF_HEADER = Buffer.from("%PDF-");

function isPdf(bytes: Buffer): boolean {
  // The header may follow up to 1024 bytes of junk (ISO 32000-1, 7.5.2 note), as readers accept.
  const at = bytes.subarray(0, 1024 + PDF_HEADER.length).indexOf(PDF_HEADER);
  return at >= 0;
}

function byteRangeOffsets(bytes: Buffer): number[] {
  const offsets: number[] = [];
  for (let at = bytes.indexOf(BYTE_RANGE); at >= 0; at = bytes.indexOf(BYTE_RANGE, at + BYTE_RANGE.length)) {
    // Skip the placeholder text "/ByteRange" inside a string or name-prefix collisions like "/ByteRanges".
    const next = bytes[at + BYTE_RANGE.length];
    if (next === undefined || /[\s[]/.test(String.fromCharCode(next))) offsets.push(at);
  }
  return offsets;
}

function readByteRange(bytes: Buffer, at: number): [number, number, number, number] | null {
  const window = bytes.subarray(at, at + 120).toString("latin1");
  const match = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(window);
  if (!match) return null;
  return match.slice(1).map(Number) as [number, number, number, number];
}

/** Reads top-level entries of the signature dictionary around `at` (only names and literal strings are needed). */
function signatureDictionaryEntries(bytes: Buffer, at: number, contentsEnd: number): Map<string, string> {
  const entries = new Map<string, string>();
  const start = Math.max(0, bytes.lastIndexOf("<<", at));
  const end = Math.min(bytes.length, contentsEnd + 4096);
  const text = bytes.subarray(start, end).toString("latin1");
  const skipFrom = at - start;
  const skipTo = contentsEnd - start;
  let depth = 0;
  let key: string | null = null;
  for (let i = 0; i < text.length; ) {
    if (i >= skipFrom && i < skipTo) {
      // The ByteRange and /Contents values themselves, already read.
      i = skipTo;
      key = null;
      continue;
    }
    const c = text[i]!;
    if (text.startsWith("<<", i)) {
      depth += 1;
      i += 2;
      key = null;
    } else if (text.startsWith(">>", i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) break;
    } else if (c === "(") {
      let level = 0;
      let value = "";
      let j = i;
      for (; j < text.length; j += 1) {
        const ch = text[j]!;
        if (ch === "\\") {
          value += text[j + 1] ?? "";
          j += 1;
          continue;
        }
        if (ch === "(") {
          level += 1;
          if (level === 1) continue;
        } else if (ch === ")") {
          level -= 1;
          if (level === 0) break;
        }
        value += ch;
      }
      if (depth === 1 && key) entries.set(key, value);
      key = null;
      i = j + 1;
    } else if (c === "/") {
      const name = /^\/[^\s/<>[\]()]*/.exec(text.slice(i, i + 128))![0];
      if (depth === 1 && key) {
        entries.set(key, name);
        key = null;
      } else if (depth === 1) {
        key = name;
      }
      i += name.length;
    } else {
      i += 1;
    }
  }
  return entries;
}

/** A PDF date "D:YYYYMMDDHHmmSSOHH'mm'" (ISO 32000-1, 7.9.4), or null. */
export function parsePdfDate(value: string): Date | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(value);
  if (!match) return null;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", , sign, oh = "00", om = "00"] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offsetMinutes = sign ? (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  const date = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

function hexToBytes(hex: string): Buffer | null {
  const clean = hex.replace(/\s+/g, "");
  if (!/^[0-9a-fA-F]*$/.test(clean) || clean.length % 2 !== 0) return null;
  return Buffer.from(clean, "hex");
}

/** The DER of the CMS without the zero padding of the placeholder. */
function trimToDer(bytes: Buffer): Buffer | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1]!;
  if (first < 0x80) return bytes.subarray(0, 2 + first);
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i += 1) length = length * 256 + bytes[2 + i]!;
  const total = 2 + count + length;
  return total <= bytes.length ? bytes.subarray(0, total) : null;
}

function signerOf(certificateDer: Uint8Array): SealSigner {
  const structure = readCertificateStructure(certificateDer);
  return { subjectDn: formatDistinguishedName(structure.subject), commonName: nameAttributes(structure.subject).cn };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function attributeValue(signerInfo: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined {
  return signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === oid)?.values[0];
}

/**
 * Verifies the seal of a PDF. `trustedCertificatesDer` are the portal's seal certificates (DER); a signature by
 * any other certificate is reported as "unknown-signer" even when it is mathematically valid.
 */
export async function verifySealedPdf(
  input: Uint8Array,
  trustedCertificatesDer: readonly Uint8Array[],
): Promise<SealVerification> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isPdf(bytes)) return { status: "not-pdf" };

  const offsets = byteRangeOffsets(bytes);
  if (offsets.length === 0) return { status: "no-signature" };
  if (offsets.length > 1) return { status: "invalid", reason: "several-signatures" };
  const at = offsets[0]!;
  const range = readByteRange(bytes, at);
  if (!range) return { status: "invalid", reason: "malformed" };
  const [start1, length1, start2, length2] = range;
  if (start1 !== 0 || length1 <= 0 || start2 <= length1 + 1 || start2 + length2 > bytes.length) {
    return { status: "invalid", reason: "malformed" };
  }
  // The hole must be exactly one hex string: "<" at the end of the first part, ">" just before the second.
  if (bytes[length1] !== 0x3c || bytes[start2 - 1] !== 0x3e) return { status: "invalid", reason: "malformed" };
  const contentsHex = bytes.subarray(length1 + 1, start2 - 1).toString("latin1");
  const padded = hexToBytes(contentsHex);
  const cmsDer = padded ? trimToDer(padded) : null;
  if (!cmsDer) return { status: "invalid", reason: "malformed" };
  if (start2 + length2 !== bytes.length) return { status: "invalid", reason: "modified-after-sealing" };

  let signedData: pkijs.SignedData;
  let embeddedCertificatesDer: Uint8Array[];
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(Uint8Array.from(cmsDer));
    if (contentInfo.contentType !== OID_SIGNED_DATA) return { status: "invalid", reason: "malformed" };
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    embeddedCertificatesDer = rawCertificates(contentInfo.content);
  } catch {
    return { status: "invalid", reason: "malformed" };
  }
  const signerInfo = signedData.signerInfos[0];
  if (signedData.signerInfos.length !== 1 || !signerInfo?.signedAttrs) return { status: "invalid", reason: "malformed" };
  const hash = HASHES[signerInfo.digestAlgorithm.algorithmId];
  const messageDigest = attributeValue(signerInfo, OID_MESSAGE_DIGEST);
  if (!hash || !(messageDigest instanceof asn1js.OctetString)) return { status: "invalid", reason: "malformed" };

  const signed = Buffer.concat([bytes.subarray(0, length1), bytes.subarray(start2, start2 + length2)]);
  const digest = createHash(hash).update(signed).digest();
  if (!digest.equals(messageDigest.valueBlock.valueHexView)) return { status: "invalid", reason: "digest-mismatch" };

  // The signer's certificate, as the SignerInfo designates it among the embedded ones.
  const certificates = signedData.certificates ?? [];
  const sid = signerInfo.sid;
  const signerIndex = certificates.findIndex((certificate) =>
    certificate instanceof pkijs.Certificate && sid instanceof pkijs.IssuerAndSerialNumber
      ? certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber)
      : false,
  );
  // The certificate exactly as embedded (pkijs keeps the parsed fields, the raw bytes come from the ASN.1 tree).
  const signerDer = embeddedCertificatesDer[signerIndex];
  if (signerIndex < 0 || !signerDer || embeddedCertificatesDer.length !== certificates.length) {
    return { status: "invalid", reason: "malformed" };
  }

  let signatureOk = false;
  try {
    const data = signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength) as ArrayBuffer;
    signatureOk = await signedData.verify({ signer: 0, data, checkChain: false });
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) return { status: "invalid", reason: "bad-signature" };

  // signing-certificate-v2, when present, must name that very certificate.
  const essSigningCertificate = attributeValue(signerInfo, OID_SIGNING_CERTIFICATE_V2);
  if (essSigningCertificate) {
    const certHash = readEssCertHash(essSigningCertificate);
    if (!certHash || !certHash.hash.equals(createHash(certHash.algorithm).update(signerDer).digest())) {
      return { status: "invalid", reason: "bad-signature" };
    }
  }

  let signer: SealSigner;
  try {
    signer = signerOf(signerDer);
  } catch {
    return { status: "invalid", reason: "malformed" };
  }
  if (!trustedCertificatesDer.some((trusted) => sameBytes(trusted, signerDer))) {
    return { status: "unknown-signer", signer };
  }

  const dictionary = signatureDictionaryEntries(bytes, at, start2);
  const claimedTime = dictionary.get("/M");
  let signingTime = claimedTime ? parsePdfDate(claimedTime) : null;
  const cmsSigningTime = attributeValue(signerInfo, OID_SIGNING_TIME);
  if (!signingTime && (cmsSigningTime instanceof asn1js.UTCTime || cmsSigningTime instanceof asn1js.GeneralizedTime)) {
    signingTime = cmsSigningTime.toDate();
  }
  return { status: "valid", signer, signingTime, subFilter: dictionary.get("/SubFilter")?.slice(1) ?? null };
}

/** The DER of each certificate in SignedData's "certificates [0] IMPLICIT CertificateSet", in order. */
function rawCertificates(signedDataSchema: unknown): Uint8Array[] {
  if (!(signedDataSchema instanceof asn1js.Sequence)) return [];
  const set = signedDataSchema.valueBlock.value.find(
    (block) => block.idBlock.tagClass === 3 && block.idBlock.tagNumber === 0,
  );
  if (!(set instanceof asn1js.Constructed)) return [];
  return set.valueBlock.value.map((block) => Uint8Array.from(block.valueBeforeDecodeView));
}

function readEssCertHash(value: asn1js.AsnType): { algorithm: string; hash: Buffer } | null {
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, ... }
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT sha256, certHash OCTET STRING, ... }
  if (!(value instanceof asn1js.Sequence)) return null;
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return null;
  const first = certs.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) return null;
  const [a, b] = first.valueBlock.value;
  if (a instanceof asn1js.OctetString) return { algorithm: "sha256", hash: Buffer.from(a.valueBlock.valueHexView) };
  if (a instanceof asn1js.Sequence && b instanceof asn1js.OctetString) {
    const oid = a.valueBlock.value[0];
    const algorithm = oid instanceof asn1js.ObjectIdentifier ? HASHES[oid.valueBlock.toString()] : undefined;
    return algorithm ? { algorithm, hash: Buffer.from(b.valueBlock.valueHexView) } : null;
  }
  return null;
}
