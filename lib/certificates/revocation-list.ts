// Pure: certificate revocation lists (issue 24, ADR 0061). Reading a CRL into facts, checking it was signed by the
// CA it is uploaded for, how fresh it is, which registered certificates it revokes, and whether nginx may check
// CRLs at all. pkijs (a production dependency, ADR 0013) parses the list and verifies its signature through
// WebCrypto: no `openssl` program is needed at run time.
import { createHash } from "node:crypto";
import * as pkijs from "pkijs";
import { formatDistinguishedName, readDistinguishedName } from "./distinguished-name";
import { readNode } from "./der";
import { hasPemMarker, pemBlocks } from "./pem";
import { formatDate, formatDateTime } from "../time";

/** IGC Santé's largest lists are a few megabytes; anything far bigger is not a CRL we can use. */
export const CRL_MAX_BYTES = 10 * 1024 * 1024;

/** Administrators are warned this long before a list's nextUpdate (ADR 0061). */
export const CRL_STALE_SOON_MS = 48 * 3600_000;

/**
 * nginx stops checking CRLs this long before a list's nextUpdate: OpenSSL refuses every certificate of a CA whose
 * list has expired, and the gateway's clock may run a little ahead of the portal's or pick up a revision late.
 */
export const CRL_NGINX_MARGIN_MS = 15 * 60_000;

/** A thisUpdate this far in the future is a clock difference, not a list from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

const OID_CRL_NUMBER = "2.5.29.20";
const OID_DELTA_CRL_INDICATOR = "2.5.29.27";

export const CRL_ERRORS = {
  missing: "Choisissez le fichier de la liste de révocation (CRL).",
  unknownAuthority: "Choisissez l'autorité de certification de cette liste.",
  tooLarge: "Le fichier dépasse 10 Mio : ce n'est pas une liste de révocation utilisable.",
  unreadable: "Ce fichier n'est pas une liste de révocation (CRL) au format DER ou PEM.",
  notACrl: (label: string) =>
    `Ce fichier PEM contient « ${label} » et non une liste de révocation : attendu « -----BEGIN X509 CRL----- ».`,
  delta: "Cette liste est une CRL delta : déposez la liste complète de l'autorité.",
  noNextUpdate: "Cette liste n'indique pas de prochaine mise à jour (nextUpdate) : impossible de savoir quand elle se périme.",
  notYetValid: (thisUpdate: Date) => `Cette liste n'entre en vigueur que le ${formatDateTime(thisUpdate)} (thisUpdate) : déposez-la à partir de cette date.`,
  wrongAuthority: (caName: string) =>
    `Cette liste n'est pas signée par l'autorité « ${caName} » : choisissez l'autorité qui l'a émise, ou déposez la liste de cette autorité.`,
  retiredAuthority: "Cette autorité de certification a été retirée : sa liste de révocation n'est plus utile.",
  notNewer: (thisUpdate: Date) =>
    `Une liste au moins aussi récente est déjà enregistrée pour cette autorité (publiée le ${formatDateTime(thisUpdate)}).`,
} as const;

export interface RevokedEntry {
  /** Uppercase hex without colons or leading zeros (`serialKey`). */
  serial: string;
  revocationDate: Date;
}

export interface RevocationListFacts {
  issuerDn: string;
  thisUpdate: Date;
  nextUpdate: Date;
  /** Decimal; null when the list carries no cRLNumber. */
  crlNumber: string | null;
  revoked: RevokedEntry[];
  /** Lowercase hex SHA-256 of the DER. */
  sha256: string;
}

export type RevocationListReading =
  | { ok: true; der: Uint8Array<ArrayBuffer>; facts: RevocationListFacts; list: pkijs.CertificateRevocationList }
  | { ok: false; error: string };

/** A serial number in one comparable form: the certificate registry writes "0A:1B:…", a CRL holds the integer. */
export function serialKey(serial: string | Uint8Array): string {
  const hex = typeof serial === "string" ? serial.replace(/[^0-9a-fA-F]/g, "") : Buffer.from(serial).toString("hex");
  return hex.toUpperCase().replace(/^0+(?=.)/, "");
}

/** Reads an uploaded or fetched file as a CRL: DER, or PEM `X509 CRL` (the first block). */
export function readRevocationList(bytes: Uint8Array): RevocationListReading {
  if (bytes.length === 0) return { ok: false, error: CRL_ERRORS.missing };
  if (bytes.length > CRL_MAX_BYTES) return { ok: false, error: CRL_ERRORS.tooLarge };
  let der: Uint8Array<ArrayBuffer>;
  // A PEM file is ASCII; a DER CRL starts with a SEQUENCE tag (0x30), which is "0" in ASCII, so look for the marker.
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString("latin1");
  if (hasPemMarker(head)) {
    const blocks = pemBlocks(Buffer.from(bytes).toString("latin1"));
    const block = blocks.find((b) => b.label === "X509 CRL");
    if (!block) return { ok: false, error: blocks[0] ? CRL_ERRORS.notACrl(blocks[0].label) : CRL_ERRORS.unreadable };
    if (!block.der) return { ok: false, error: CRL_ERRORS.unreadable };
    der = block.der;
  } else {
    der = new Uint8Array(bytes);
  }
  try {
    // The outer SEQUENCE must span the whole file exactly: trailing bytes are not a CRL.
    const outer = readNode(der);
    if (outer.tag !== 0x30 || outer.end !== der.length) return { ok: false, error: CRL_ERRORS.unreadable };
    const list = pkijs.CertificateRevocationList.fromBER(der);
    const extensions = list.crlExtensions?.extensions ?? [];
    if (extensions.some((e) => e.extnID === OID_DELTA_CRL_INDICATOR)) return { ok: false, error: CRL_ERRORS.delta };
    if (!list.nextUpdate) return { ok: false, error: CRL_ERRORS.noNextUpdate };
    const crlNumberExtension = extensions.find((e) => e.extnID === OID_CRL_NUMBER);
    const issuerDer = new Uint8Array(list.issuer.toSchema().toBER());
    return {
      ok: true,
      der,
      list,
      facts: {
        issuerDn: formatDistinguishedName(readDistinguishedName(readNode(issuerDer))),
        thisUpdate: list.thisUpdate.value,
        nextUpdate: list.nextUpdate.value,
        crlNumber: crlNumberExtension ? integerDecimal(crlNumberExtension.parsedValue) : null,
        revoked: (list.revokedCertificates ?? []).map((entry) => ({
          serial: serialKey(new Uint8Array(entry.userCertificate.valueBlock.valueHexView)),
          revocationDate: entry.revocationDate.value,
        })),
        sha256: createHash("sha256").update(der).digest("hex"),
      },
    };
  } catch {
    return { ok: false, error: CRL_ERRORS.unreadable };
  }
}

function integerDecimal(value: unknown): string | null {
  const hex = (value as { valueBlock?: { valueHexView?: Uint8Array } } | undefined)?.valueBlock?.valueHexView;
  if (!hex || hex.length === 0 || hex.length > 20) return null;
  return BigInt(`0x${Buffer.from(hex).toString("hex")}`).toString(10);
}

/**
 * Whether the CA certificate (DER) signed this list: names match and the signature verifies with the CA's key. A
 * certificate pkijs cannot read, or an algorithm WebCrypto does not know, is "not signed by it".
 */
export async function isSignedBy(list: pkijs.CertificateRevocationList, caDer: Uint8Array): Promise<boolean> {
  try {
    const issuerCertificate = pkijs.Certificate.fromBER(new Uint8Array(caDer));
    return await list.verify({ issuerCertificate });
  } catch {
    return false;
  }
}

export type RevocationListFreshness = "current" | "stale_soon" | "stale";

/** `stale` once nextUpdate has passed, `stale_soon` in the 48 hours before it (ADR 0061). */
export function revocationListFreshness(list: { nextUpdate: Date }, now: Date): RevocationListFreshness {
  const left = list.nextUpdate.getTime() - now.getTime();
  if (left <= 0) return "stale";
  return left <= CRL_STALE_SOON_MS ? "stale_soon" : "current";
}

export const FRESHNESS_LABELS: Record<RevocationListFreshness | "missing", string> = {
  current: "À jour",
  stale_soon: "Bientôt périmée",
  stale: "Périmée",
  missing: "Aucune liste",
};

/** The sentence under an authority's list on the administration page. */
export function freshnessSentence(list: { thisUpdate: Date; nextUpdate: Date } | null, now: Date): string {
  if (!list) return "Aucune liste de révocation n'est enregistrée : la passerelle ne vérifie pas les révocations de cette autorité.";
  const freshness = revocationListFreshness(list, now);
  const dates = `Publiée le ${formatDateTime(list.thisUpdate)}, prochaine mise à jour le ${formatDateTime(list.nextUpdate)}.`;
  if (freshness === "stale") return `${dates} Elle est périmée : déposez la liste actuelle de l'autorité.`;
  if (freshness === "stale_soon") return `${dates} Elle sera périmée le ${formatDate(list.nextUpdate)} : déposez la suivante avant.`;
  return dates;
}

/** thisUpdate more than a few minutes ahead of the clock: OpenSSL would refuse the list as not yet valid. */
export function isNotYetValid(list: { thisUpdate: Date }, now: Date): boolean {
  return list.thisUpdate.getTime() - now.getTime() > CLOCK_SKEW_MS;
}

export interface RegisteredCertificate {
  id: string;
  serialNumber: string;
  revokedAt: Date | null;
}

/** The registered certificates of the list's CA that the list revokes and that are not marked yet, with their date. */
export function newlyRevoked<C extends RegisteredCertificate>(certificates: readonly C[], revoked: readonly RevokedEntry[]): { certificate: C; revocationDate: Date }[] {
  const dates = new Map(revoked.map((entry) => [entry.serial, entry.revocationDate]));
  return certificates.flatMap((certificate) => {
    if (certificate.revokedAt) return [];
    const date = dates.get(serialKey(certificate.serialNumber));
    return date ? [{ certificate, revocationDate: date }] : [];
  });
}

/**
 * The lists nginx gets with `ssl_crl`, or null when it gets none. With `ssl_crl`, OpenSSL checks every CA of the
 * chain (CRL_CHECK_ALL) and refuses a certificate whose CA has no list, or an expired one: so all or nothing, and
 * only when every active CA of the bundle has a list valid beyond the margin (ADR 0061).
 */
export function nginxRevocationLists(authorities: readonly { id: string }[], currentLists: ReadonlyMap<string, { der: Uint8Array; nextUpdate: Date }>, now: Date): Uint8Array[] | null {
  if (authorities.length === 0) return null;
  const lists: Uint8Array[] = [];
  for (const authority of authorities) {
    const list = currentLists.get(authority.id);
    if (!list || list.nextUpdate.getTime() - now.getTime() <= CRL_NGINX_MARGIN_MS) return null;
    lists.push(list.der);
  }
  return lists;
}
