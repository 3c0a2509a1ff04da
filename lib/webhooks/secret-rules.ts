// Pure and safe for the browser: what a subscription's secret may be (ADR 0032). A secret is written `whsec_` +
// base64 of its bytes, as the Standard Webhooks libraries take it.

export const SECRET_PREFIX = "whsec_";
export const MIN_SECRET_BYTES = 32;
export const MAX_SECRET_BYTES = 64;
/** What the portal generates. */
export const GENERATED_SECRET_BYTES = 32;

export const SECRET_MESSAGES = {
  tooShort: `Le secret doit faire au moins ${MIN_SECRET_BYTES} octets : laissez le champ vide pour qu'un secret soit généré.`,
  tooLong: `Le secret ne doit pas dépasser ${MAX_SECRET_BYTES} octets.`,
  badBase64: "Après « whsec_ », le secret doit être écrit en base64.",
  spaces: "Le secret ne doit contenir ni espace ni retour à la ligne.",
} as const;

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(encoded: string): Uint8Array {
  return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
}

export function secretFromBytes(bytes: Uint8Array): string {
  return `${SECRET_PREFIX}${toBase64(bytes)}`;
}

/** The bytes of a stored secret. */
export function secretBytes(secret: string): Uint8Array {
  return fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
}

/**
 * A secret an administrator provides: `whsec_` + base64 (as another system generated it), or any other text, whose
 * UTF-8 bytes are the key. Returned in the `whsec_` form, or the reason it is refused.
 */
export function parseProvidedSecret(raw: string): { ok: true; secret: string } | { ok: false; message: string } {
  const value = raw.trim();
  if (/\s/.test(value)) return { ok: false, message: SECRET_MESSAGES.spaces };
  let bytes: Uint8Array;
  if (value.startsWith(SECRET_PREFIX)) {
    const encoded = value.slice(SECRET_PREFIX.length);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return { ok: false, message: SECRET_MESSAGES.badBase64 };
    bytes = fromBase64(encoded);
  } else {
    bytes = new TextEncoder().encode(value);
  }
  if (bytes.length < MIN_SECRET_BYTES) return { ok: false, message: SECRET_MESSAGES.tooShort };
  if (bytes.length > MAX_SECRET_BYTES) return { ok: false, message: SECRET_MESSAGES.tooLong };
  return { ok: true, secret: secretFromBytes(bytes) };
}
