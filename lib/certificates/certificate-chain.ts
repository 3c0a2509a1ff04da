// Certification path building (RFC 5280 section 6, reduced to what the portal needs): from the certificate up
// through the CA certificates of one environment's bundle, each link proven by a real signature verification
// (OpenSSL, through Node), each authority a CA within its validity at `now`, path length constraints respected.
// Revocation is not checked: that needs CRLs or OCSP, which a pure function cannot fetch.
import type { X509Certificate } from "node:crypto";
import { readCertificateStructure, type CertificateStructure } from "./certificate-structure";
import { formatDistinguishedName, nameAttributes, type DistinguishedName } from "./distinguished-name";
import { opensslCertificate } from "./openssl-certificate";

export interface ChainAuthority {
  /** CN, or the whole subject when there is none. */
  name: string;
  notBefore: Date;
  notAfter: Date;
}

export type ChainProblem =
  | { kind: "emptyBundle" }
  | { kind: "noIssuer" }
  | { kind: "badSignature"; authority: ChainAuthority }
  | { kind: "notAnAuthority"; authority: ChainAuthority }
  | { kind: "authorityExpired"; authority: ChainAuthority }
  | { kind: "authorityNotYetValid"; authority: ChainAuthority }
  | { kind: "pathTooLong"; authority: ChainAuthority };

/** On success, the authorities from the certificate's issuer up to the last one found (usually the root). */
export type ChainOutcome = { ok: true; authorities: ChainAuthority[] } | { ok: false; problem: ChainProblem };

interface Link {
  der: Uint8Array;
  structure: CertificateStructure;
  authority: ChainAuthority;
  subjectKey: string;
  issuerKey: string;
  // Parsed by OpenSSL only when a name matches: most bundle entries are never needed for a given certificate.
  x509?: X509Certificate;
}

export function buildCertificationPath(der: Uint8Array, caBundle: readonly { der: Uint8Array }[], now: Date): ChainOutcome {
  if (caBundle.length === 0) return { ok: false, problem: { kind: "emptyBundle" } };
  const leaf = link(der);
  if (!leaf) return { ok: false, problem: { kind: "noIssuer" } };
  // A bundle entry that cannot be read was validated when it was stored; skipping it is the safe side.
  const bundle = caBundle.flatMap((entry) => link(entry.der) ?? []);
  return extend([leaf], bundle, now);
}

function extend(path: Link[], bundle: Link[], now: Date): ChainOutcome {
  const current = path[path.length - 1]!;
  const authorities = () => path.slice(1).map((l) => l.authority);
  if (path.length > 1 && current.issuerKey === current.subjectKey && signs(current, current)) {
    return { ok: true, authorities: authorities() };
  }
  const candidates = bundle.filter((ca) => ca.subjectKey === current.issuerKey && !path.some((l) => equalBytes(l.der, ca.der)));
  // A bundle may hold an issuing CA without its root: that CA is then the trust anchor.
  if (candidates.length === 0) return path.length > 1 ? { ok: true, authorities: authorities() } : { ok: false, problem: { kind: "noIssuer" } };

  let firstProblem: ChainProblem | null = null;
  for (const ca of candidates) {
    const problem = linkProblem(current, ca, path, now);
    if (problem) {
      firstProblem ??= problem;
      continue;
    }
    const outcome = extend([...path, ca], bundle, now);
    if (outcome.ok) return outcome;
    firstProblem ??= outcome.problem;
  }
  return { ok: false, problem: firstProblem! };
}

function linkProblem(child: Link, ca: Link, path: Link[], now: Date): ChainProblem | null {
  const authority = ca.authority;
  if (!signs(ca, child)) return { kind: "badSignature", authority };
  if (!ca.structure.basicConstraints?.ca) return { kind: "notAnAuthority", authority };
  if (now < ca.structure.notBefore) return { kind: "authorityNotYetValid", authority };
  if (now > ca.structure.notAfter) return { kind: "authorityExpired", authority };
  const pathLength = ca.structure.basicConstraints.pathLength;
  // pathLenConstraint counts the non-self-issued intermediates between this CA and the end entity.
  const intermediates = path.slice(1).filter((l) => l.issuerKey !== l.subjectKey).length;
  if (pathLength !== null && intermediates > pathLength) return { kind: "pathTooLong", authority };
  return null;
}

/** OpenSSL's issuer check (names, key identifiers, keyCertSign) and the signature itself. */
function signs(issuer: Link, child: Link): boolean {
  try {
    issuer.x509 ??= opensslCertificate(issuer.der);
    child.x509 ??= opensslCertificate(child.der);
    return child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

function link(der: Uint8Array): Link | null {
  try {
    const structure = readCertificateStructure(der);
    const subject = nameAttributes(structure.subject);
    return {
      der,
      structure,
      authority: {
        name: subject.cn ?? formatDistinguishedName(structure.subject),
        notBefore: structure.notBefore,
        notAfter: structure.notAfter,
      },
      subjectKey: nameKey(structure.subject),
      issuerKey: nameKey(structure.issuer),
    };
  } catch {
    return null;
  }
}

// RFC 5280 compares names case-insensitively after whitespace folding; OpenSSL then checks the exact match.
function nameKey(name: DistinguishedName): string {
  return formatDistinguishedName(name).toLowerCase().replace(/\s+/g, " ");
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
