// A minimal, strict DER reader. Node's X509Certificate (OpenSSL) does the cryptography; this reader only walks
// the structures Node does not expose (names as encoded, key usage bits, basic constraints) and tells apart the
// kinds of files people upload. Everything read comes from untrusted input, hence the bounds checks everywhere.

export const DerTag = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  t61String: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  universalString: 0x1c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Thrown for malformed DER; `truncated` when a length runs past the end of the data. */
export class DerError extends Error {
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message);
    this.name = "DerError";
  }
}

export interface DerNode {
  tag: number;
  /** Offset of the tag byte in the buffer. */
  start: number;
  /** Offset of the first content byte. */
  valueStart: number;
  /** Offset just past the content. */
  end: number;
  bytes: Uint8Array;
}

// Deeper than any certificate; a bound so hostile input cannot make the reader recurse without end.
const MAX_DEPTH = 32;

export function readNode(bytes: Uint8Array, offset = 0, limit = bytes.length): DerNode {
  if (offset >= limit) throw new DerError("DER: no data", true);
  const tag = bytes[offset]!;
  // Multi-byte tag numbers never occur in the structures this project reads.
  if ((tag & 0x1f) === 0x1f) throw new DerError("DER: high tag number");
  if (offset + 1 >= limit) throw new DerError("DER: missing length", true);
  const first = bytes[offset + 1]!;
  let length: number;
  let valueStart: number;
  if (first < 0x80) {
    length = first;
    valueStart = offset + 2;
  } else {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length, forbidden in DER; more than 4 bytes would mean gigabytes.
    if (count === 0 || count > 4) throw new DerError("DER: unsupported length");
    if (offset + 2 + count > limit) throw new DerError("DER: truncated length", true);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i]!;
    valueStart = offset + 2 + count;
  }
  const end = valueStart + length;
  if (end > limit) throw new DerError("DER: content runs past the end", true);
  return { tag, start: offset, valueStart, end, bytes };
}

export function isConstructed(node: DerNode): boolean {
  return (node.tag & 0x20) !== 0;
}

export function children(node: DerNode, depth = 0): DerNode[] {
  if (depth > MAX_DEPTH) throw new DerError("DER: nested too deeply");
  if (!isConstructed(node)) throw new DerError("DER: not a constructed value");
  const result: DerNode[] = [];
  let offset = node.valueStart;
  while (offset < node.end) {
    const child = readNode(node.bytes, offset, node.end);
    result.push(child);
    offset = child.end;
  }
  return result;
}

export function content(node: DerNode): Uint8Array {
  return node.bytes.subarray(node.valueStart, node.end);
}

export function encoded(node: DerNode): Uint8Array {
  return node.bytes.subarray(node.start, node.end);
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`DER: expected ${what}`);
  return node;
}

export function readOid(node: DerNode): string {
  const value = content(expectTag(node, DerTag.oid, "an OID"));
  if (value.length === 0) throw new DerError("DER: empty OID");
  const arcs: number[] = [];
  let current = 0;
  for (const byte of value) {
    current = current * 128 + (byte & 0x7f);
    if (current > Number.MAX_SAFE_INTEGER / 128) throw new DerError("DER: OID arc too large");
    if ((byte & 0x80) === 0) {
      arcs.push(current);
      current = 0;
    }
  }
  if ((value[value.length - 1]! & 0x80) !== 0) throw new DerError("DER: unterminated OID");
  const head = arcs.shift()!;
  const firstArc = head < 40 ? 0 : head < 80 ? 1 : 2;
  return [firstArc, head - firstArc * 40, ...arcs].join(".");
}

/** A small non-negative INTEGER (versions, path lengths); null when it does not fit. */
export function readSmallInteger(node: DerNode): number | null {
  const value = content(expectTag(node, DerTag.integer, "an INTEGER"));
  if (value.length === 0 || value.length > 6 || (value[0]! & 0x80) !== 0) return null;
  let result = 0;
  for (const byte of value) result = result * 256 + byte;
  return result;
}

export function readBoolean(node: DerNode): boolean {
  const value = content(expectTag(node, DerTag.boolean, "a BOOLEAN"));
  if (value.length !== 1) throw new DerError("DER: bad BOOLEAN");
  return value[0] !== 0;
}

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });

/** The text of a directory string, whatever ASN.1 string type the CA chose; null for non-string values. */
export function readString(node: DerNode): string | null {
  const value = content(node);
  try {
    switch (node.tag) {
      case DerTag.utf8String:
        return utf8.decode(value);
      case DerTag.printableString:
      case DerTag.ia5String:
      case DerTag.t61String:
        // T61 is in practice used as Latin-1 by the CAs that still emit it.
        return latin1.decode(value);
      case DerTag.bmpString:
        return utf16be.decode(value);
      case DerTag.universalString: {
        if (value.length % 4 !== 0) return null;
        let text = "";
        for (let i = 0; i < value.length; i += 4) {
          text += String.fromCodePoint(((value[i]! << 24) | (value[i + 1]! << 16) | (value[i + 2]! << 8) | value[i + 3]!) >>> 0);
        }
        return text;
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}

/** UTCTime or GeneralizedTime, as RFC 5280 constrains them (UTC, with seconds). */
export function readTime(node: DerNode): Date {
  const text = latin1.decode(content(node));
  let match: RegExpExecArray | null;
  let year: number;
  if (node.tag === DerTag.utcTime) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match) throw new DerError("DER: bad UTCTime");
    const yy = Number(match[1]);
    // RFC 5280: two-digit years 50-99 are 19xx, 00-49 are 20xx.
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (node.tag === DerTag.generalizedTime) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
    if (!match) throw new DerError("DER: bad GeneralizedTime");
    year = Number(match[1]);
  } else {
    throw new DerError("DER: expected a time");
  }
  const [month, day, hour, minute, second] = match.slice(2, 7).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new DerError("DER: impossible date");
  return date;
}

export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex.toUpperCase();
}

/** "1A2B3C" → "1A:2B:3C", the way openssl prints serials and fingerprints. */
export function colonHex(bytes: Uint8Array): string {
  return toHex(bytes).replace(/(..)(?!$)/g, "$1:");
}
