// The CA bundles: for each environment (test, production), the certification authorities that a service's client
// certificate must chain to. Pure rules: what may enter a bundle, and how an entry is described to administrators.
import { certificateFacts, certificateName, type CertificateFacts } from "./certificate-facts";
import { readCertificateInput, type CertificateInput } from "./certificate-input";
import { CA_BUNDLE_ERRORS, type CaKind } from "./ca-bundle-messages";
import { calendarDaysUntil, formatDate } from "../time";

export * from "./ca-bundle-messages";

export type CaCertificateReading =
  | { ok: true; der: Uint8Array; facts: CertificateFacts; notes: string[] }
  | { ok: false; error: string };

/** Reads an uploaded file or pasted PEM as one CA certificate, or says in French why it cannot enter a bundle. */
export function readCaCertificate(input: CertificateInput): CaCertificateReading {
  const read = readCertificateInput(input);
  if (!read.ok) return read;
  const facts = certificateFacts(read.der);
  if (!facts.isCa) return { ok: false, error: CA_BUNDLE_ERRORS.notAnAuthority(certificateName(facts)) };
  return { ok: true, der: read.der, facts, notes: read.notes };
}

export type CaValidityState = "valid" | "expired" | "notYetValid";

export interface CaValidity {
  state: CaValidityState;
  /** Whole days until notAfter, 0 on the last day; negative once expired. */
  daysLeft: number;
}


export function caValidity(notBefore: Date, notAfter: Date, now: Date): CaValidity {
  const daysLeft = calendarDaysUntil(notAfter, now);
  // X.509 validity includes both bounds (RFC 5280 section 4.1.2.5).
  const state: CaValidityState = now > notAfter ? "expired" : now < notBefore ? "notYetValid" : "valid";
  return { state, daysLeft };
}

/** A root signs itself; anything else in a bundle is an intermediate (issuing) authority. */
export function caKind(facts: Pick<CertificateFacts, "selfSigned">): CaKind {
  return facts.selfSigned ? "root" : "intermediate";
}

/** Active entries first, then in the order they were added; a root before the authorities it issued. */
export function compareBundleEntries(
  a: { retiredAt: Date | null; createdAt: Date; kind: CaKind },
  b: { retiredAt: Date | null; createdAt: Date; kind: CaKind },
): number {
  if ((a.retiredAt === null) !== (b.retiredAt === null)) return a.retiredAt === null ? -1 : 1;
  const byDate = a.createdAt.getTime() - b.createdAt.getTime();
  if (byDate !== 0) return byDate;
  return a.kind === b.kind ? 0 : a.kind === "root" ? -1 : 1;
}

/** The row of one CA certificate in an environment's bundle, from its DER and facts; `addedById` null when seeded. */
export function caCertificateRow(environment: "TEST" | "PRODUCTION", der: Uint8Array, facts: CertificateFacts, addedById: string | null) {
  return {
    environment,
    der: new Uint8Array(der),
    subjectDn: facts.subjectDn,
    issuerDn: facts.issuerDn,
    fingerprintSha256: facts.fingerprintSha256,
    notBefore: new Date(facts.notBefore),
    notAfter: new Date(facts.notAfter),
    addedById,
  };
}

/** "2D:9E:22:CA:19:F7:77:C6…": enough of a SHA-256 fingerprint to tell two certificates apart at a glance. */
function fingerprintStart(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, "").toUpperCase();
  return `${hex.slice(0, 16).match(/.{2}/g)?.join(":") ?? hex}…`;
}

/**
 * What tells a CA certificate apart from the others of its list that bear the same name (a renewed authority keeps
 * its name): its serial number, validity and the start of its fingerprint. Null when no other entry has its name.
 */
export function homonymDistinction(
  entry: { id: string; name: string; serialNumber: string; notBefore: Date; notAfter: Date; fingerprintSha256: string },
  list: readonly { id: string; name: string }[],
): string | null {
  if (!list.some((other) => other.id !== entry.id && other.name === entry.name)) return null;
  return `n° de série ${entry.serialNumber}, valide du ${formatDate(entry.notBefore)} au ${formatDate(entry.notAfter)}, SHA-256 ${fingerprintStart(entry.fingerprintSha256)}`;
}
