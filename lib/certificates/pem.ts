// PEM (RFC 7468): base64 DER between "-----BEGIN <label>-----" and "-----END <label>-----" lines.

export interface PemBlock {
  label: string;
  /** null when the base64 between the lines is damaged. */
  der: Uint8Array<ArrayBuffer> | null;
}

const BLOCK = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;

export function hasPemMarker(text: string): boolean {
  return text.includes("-----BEGIN ");
}

/** The well-formed blocks of a PEM text, in order. Text between blocks (openssl's comments) is ignored. */
export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(BLOCK)].map((match) => ({ label: match[1]!, der: decodeBase64(stripHeaders(match[2]!)) }));
}

/** Labels of BEGIN lines, even when the matching END line is missing (a truncated file). */
export function pemBeginLabels(text: string): string[] {
  return [...text.matchAll(/-----BEGIN ([A-Z0-9 #]+)-----/g)].map((match) => match[1]!);
}

export function pemEncode(der: Uint8Array, label: string): string {
  const base64 = Buffer.from(der).toString("base64");
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** Strict base64 (whitespace allowed between characters); null when anything else is there. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const compact = text.replace(/\s+/g, "");
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  return new Uint8Array(Buffer.from(compact, "base64"));
}

// RFC 1421 encapsulated headers ("Proc-Type: ...") precede the base64 of encrypted legacy keys.
function stripHeaders(body: string): string {
  return body.replace(/^[\t ]*[A-Za-z-]+:.*$/gm, "");
}
