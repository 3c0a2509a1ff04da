// What an editor uploads, turned into the DER of one certificate, or a French explanation shown next to the
// upload field. Editors export certificates from many tools, so PEM, DER, PKCS#7 bundles and chains are all
// accepted; private keys are refused loudly, because sending one means it can no longer be trusted.
import { looksLikeCertificate, readCertificateStructure, type CertificateStructure } from "./certificate-structure";
import { children, DerError, DerTag, encoded, readNode, readOid, readSmallInteger, type DerNode } from "./der";
import { formatDistinguishedName, nameAttributes } from "./distinguished-name";
import { opensslCertificate } from "./openssl-certificate";
import { ACCEPTED_CERTIFICATE_FORMATS, CERTIFICATE_FILE_TOO_LARGE, MAX_CERTIFICATE_FILE_BYTES } from "./certificate-limits";
import { decodeBase64, hasPemMarker, pemBeginLabels, pemBlocks } from "./pem";

export type CertificateInput = { bytes: Uint8Array } | { text: string };

export type CertificateInputResult = { ok: true; der: Uint8Array; notes: string[] } | { ok: false; error: string };

export { MAX_CERTIFICATE_FILE_BYTES };

const ACCEPTED_FORMATS = ACCEPTED_CERTIFICATE_FORMATS;

export const CERTIFICATE_INPUT_ERRORS = {
  empty: "Le fichier est vide. Choisissez le fichier du certificat (.pem, .crt, .cer ou .der).",
  tooLarge: CERTIFICATE_FILE_TOO_LARGE,
  privateKey:
    "Ce fichier contient une clé privée. Ne transmettez jamais de clé privée : seul le certificat, qui est public, " +
    "est demandé. Considérez désormais cette clé comme compromise : faites révoquer le certificat correspondant et " +
    "demandez-en un nouveau à l'IGC Santé.",
  pkcs12:
    "Ce fichier est un conteneur PKCS#12 (.p12 ou .pfx), qui renferme en général la clé privée. Ne transmettez " +
    `jamais de clé privée : exportez le certificat seul, ${ACCEPTED_FORMATS}. Si ce conteneur renfermait la clé ` +
    "privée, considérez-la comme compromise : faites révoquer le certificat et demandez-en un nouveau à l'IGC Santé.",
  certificateRequest:
    "Ce fichier est une demande de certificat (CSR), pas un certificat. Envoyez le certificat que l'IGC Santé " +
    "vous a délivré en réponse à cette demande.",
  publicKey:
    "Ce fichier contient une clé publique seule, pas un certificat. Envoyez le certificat délivré par l'IGC Santé, " +
    `${ACCEPTED_FORMATS}.`,
  truncated:
    "Ce fichier n'est pas un certificat X.509 lisible : il semble tronqué (incomplet). Téléchargez de nouveau le " +
    "certificat et réessayez.",
  unreadable: `Ce fichier n'est pas un certificat X.509 lisible. Envoyez le certificat ${ACCEPTED_FORMATS}.`,
  emptyBundle: "Ce fichier PKCS#7 ne contient aucun certificat.",
  unreadableInBundle: (position: number) =>
    `Le certificat n° ${position} du fichier n'est pas un certificat X.509 lisible. Envoyez le certificat ` +
    `${ACCEPTED_FORMATS}.`,
} as const;

// Any PEM private key: PKCS#8, encrypted PKCS#8, PKCS#1 ("RSA"), SEC1 ("EC"), DSA, OpenSSH, PGP...
const PRIVATE_KEY_MARKER = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY/;
const CERTIFICATE_LABELS = new Set(["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]);
const PKCS7_LABELS = new Set(["PKCS7", "PKCS #7 SIGNED DATA", "CMS"]);
const OID_PKCS7_SIGNED_DATA = "1.2.840.113549.1.7.2";
const OID_PKCS7_PREFIX = "1.2.840.113549.1.7.";

type DerKind = "certificate" | "pkcs7" | "privateKey" | "pkcs12" | "certificateRequest" | "publicKey" | "truncated" | "unknown";

/** One entry per certificate found; an entry is an error message when that certificate cannot be read. */
type Candidates = { ok: true; certificates: (Uint8Array | string)[] } | { ok: false; error: string };

export function readCertificateInput(input: CertificateInput): CertificateInputResult {
  const bytes = "bytes" in input ? input.bytes : new TextEncoder().encode(input.text);
  if (bytes.length === 0) return failure(CERTIFICATE_INPUT_ERRORS.empty);
  if (bytes.length > MAX_CERTIFICATE_FILE_BYTES) return failure(CERTIFICATE_INPUT_ERRORS.tooLarge);

  const candidates = bytes[0] === DerTag.sequence ? fromDer(bytes) : fromText(new TextDecoder().decode(bytes));
  return candidates.ok ? selectCertificate(candidates.certificates) : candidates;
}

function fromText(text: string): Candidates {
  if (text.trim() === "") return failure(CERTIFICATE_INPUT_ERRORS.empty);
  // Before anything else: a key is refused even when the file also holds certificates.
  if (PRIVATE_KEY_MARKER.test(text)) return failure(CERTIFICATE_INPUT_ERRORS.privateKey);
  if (hasPemMarker(text)) return fromPem(text);
  // Base64 without the BEGIN/END lines, as some tools copy it.
  const der = decodeBase64(text);
  if (der && der[0] === DerTag.sequence) return fromDer(der);
  return failure(CERTIFICATE_INPUT_ERRORS.unreadable);
}

function fromPem(text: string): Candidates {
  const blocks = pemBlocks(text);
  if (pemBeginLabels(text).length > blocks.length) return failure(CERTIFICATE_INPUT_ERRORS.truncated);
  const certificates: (Uint8Array | string)[] = [];
  let otherKind: DerKind | null = null;
  for (const block of blocks) {
    const isCertificate = CERTIFICATE_LABELS.has(block.label);
    if (!isCertificate && !PKCS7_LABELS.has(block.label)) {
      otherKind ??= block.label.includes("CERTIFICATE REQUEST") ? "certificateRequest" : block.label.includes("PUBLIC KEY") ? "publicKey" : "unknown";
      continue;
    }
    if (!block.der) {
      certificates.push(CERTIFICATE_INPUT_ERRORS.unreadable);
      continue;
    }
    // openssl's TRUSTED CERTIFICATE appends trust settings after the certificate itself.
    const der = block.label === "TRUSTED CERTIFICATE" ? firstValue(block.der) : block.der;
    const found = fromDer(der);
    if (!found.ok && found.error === CERTIFICATE_INPUT_ERRORS.privateKey) return found;
    certificates.push(...(found.ok ? found.certificates : [found.error]));
  }
  if (certificates.length === 0) return failure(errorFor(otherKind ?? "unknown"));
  return { ok: true, certificates };
}

function fromDer(bytes: Uint8Array): Candidates {
  const { kind, node } = classify(bytes);
  if (kind === "certificate") return { ok: true, certificates: [bytes.slice(node!.start, node!.end)] };
  if (kind === "pkcs7") return fromPkcs7(node!);
  return failure(errorFor(kind));
}

function errorFor(kind: DerKind): string {
  switch (kind) {
    case "privateKey":
      return CERTIFICATE_INPUT_ERRORS.privateKey;
    case "pkcs12":
      return CERTIFICATE_INPUT_ERRORS.pkcs12;
    case "certificateRequest":
      return CERTIFICATE_INPUT_ERRORS.certificateRequest;
    case "publicKey":
      return CERTIFICATE_INPUT_ERRORS.publicKey;
    case "truncated":
      return CERTIFICATE_INPUT_ERRORS.truncated;
    default:
      return CERTIFICATE_INPUT_ERRORS.unreadable;
  }
}

/** Recognises what a DER file is from its outer shape, without trusting any of it. */
function classify(bytes: Uint8Array): { kind: DerKind; node?: DerNode } {
  let node: DerNode;
  let parts: DerNode[];
  try {
    node = readNode(bytes);
    // Line breaks or padding after the DER are harmless; anything else means this is not one DER value.
    if (!bytes.subarray(node.end).every((b) => b === 0 || b === 0x0a || b === 0x0d || b === 0x20)) return { kind: "unknown" };
    if (node.tag !== DerTag.sequence) return { kind: "unknown" };
    parts = children(node);
  } catch (error) {
    return { kind: error instanceof DerError && error.truncated ? "truncated" : "unknown" };
  }
  try {
    return { kind: kindOf(node, parts), node };
  } catch {
    return { kind: "unknown" };
  }
}

function kindOf(node: DerNode, parts: DerNode[]): DerKind {
  const [first, second, third] = parts;
  if (!first) return "unknown";
  if (looksLikeCertificate(node)) return "certificate";
  if (parts.length === 3 && first.tag === DerTag.sequence && second?.tag === DerTag.sequence && third?.tag === DerTag.bitString) {
    return "certificateRequest";
  }
  if (parts.length === 2 && first.tag === DerTag.sequence && second?.tag === DerTag.bitString) return "publicKey";
  // EncryptedPrivateKeyInfo: encryption algorithm, encrypted data.
  if (parts.length === 2 && first.tag === DerTag.sequence && second?.tag === DerTag.octetString) return "privateKey";
  if (first.tag === DerTag.oid) {
    const oid = readOid(first);
    return oid === OID_PKCS7_SIGNED_DATA && second?.tag === 0xa0 ? "pkcs7" : "unknown";
  }
  if (first.tag !== DerTag.integer) return "unknown";
  const version = readSmallInteger(first);
  // PKCS#8 PrivateKeyInfo / OneAsymmetricKey: version 0 or 1, algorithm, key.
  if ((version === 0 || version === 1) && second?.tag === DerTag.sequence && third?.tag === DerTag.octetString) return "privateKey";
  // SEC1 ECPrivateKey: version 1, key.
  if (version === 1 && second?.tag === DerTag.octetString) return "privateKey";
  // PKCS#1 RSAPrivateKey (9 integers) and OpenSSL's DSA private key (6 integers).
  if (parts.length >= 6 && parts.every((p) => p.tag === DerTag.integer)) return "privateKey";
  // PFX: version 3, then a PKCS#7 ContentInfo.
  if (version === 3 && second?.tag === DerTag.sequence) {
    const contentType = children(second)[0];
    if (contentType?.tag === DerTag.oid && readOid(contentType).startsWith(OID_PKCS7_PREFIX)) return "pkcs12";
  }
  return "unknown";
}

function fromPkcs7(contentInfo: DerNode): Candidates {
  try {
    const signedData = children(children(contentInfo)[1]!)[0];
    if (signedData?.tag !== DerTag.sequence) return failure(CERTIFICATE_INPUT_ERRORS.unreadable);
    // SignedData: version, digestAlgorithms, encapContentInfo, [0] IMPLICIT certificates, [1] crls, signerInfos.
    const certificateSet = children(signedData).find((part) => part.tag === 0xa0);
    const certificates = certificateSet ? children(certificateSet).map((c) => encoded(c).slice()) : [];
    return certificates.length > 0 ? { ok: true, certificates } : failure(CERTIFICATE_INPUT_ERRORS.emptyBundle);
  } catch {
    return failure(CERTIFICATE_INPUT_ERRORS.unreadable);
  }
}

function firstValue(der: Uint8Array): Uint8Array {
  try {
    return encoded(readNode(der)).slice();
  } catch {
    return der;
  }
}

function readable(der: Uint8Array): CertificateStructure | null {
  try {
    const structure = readCertificateStructure(der);
    // OpenSSL must accept it too: it is what verifies signatures later, and what the gateway will use.
    opensslCertificate(der);
    return structure;
  } catch {
    return null;
  }
}

// The end-entity certificate is what we register; chains exported with it are common and harmless.
function selectCertificate(certificates: (Uint8Array | string)[]): CertificateInputResult {
  const ders: Uint8Array[] = [];
  const structures: CertificateStructure[] = [];
  for (const [index, entry] of certificates.entries()) {
    const structure = typeof entry === "string" ? null : readable(entry);
    if (typeof entry === "string" || !structure) {
      const error = typeof entry === "string" ? entry : CERTIFICATE_INPUT_ERRORS.unreadable;
      return failure(certificates.length === 1 ? error : CERTIFICATE_INPUT_ERRORS.unreadableInBundle(index + 1));
    }
    ders.push(entry);
    structures.push(structure);
  }
  if (structures.length === 1) return { ok: true, der: ders[0]!, notes: [] };

  const endEntity = structures.findIndex((s) => !s.basicConstraints?.ca);
  const kept = endEntity === -1 ? 0 : endEntity;
  const name = displayName(structures[kept]!);
  const note =
    endEntity === -1
      ? `Le fichier contient ${structures.length} certificats, tous d'autorités de certification : le premier, « ${name} », a été retenu.`
      : `Le fichier contient ${structures.length} certificats : seul le certificat « ${name} » (n° ${kept + 1}) a été retenu, ` +
        "car c'est le premier qui n'est pas une autorité de certification. Les autres ont été ignorés.";
  return { ok: true, der: ders[kept]!, notes: [note] };
}

function displayName(structure: CertificateStructure): string {
  return nameAttributes(structure.subject).cn ?? formatDistinguishedName(structure.subject);
}

function failure(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
