// Pure: the ten single-use recovery codes of an account (issue 19). Random (50 bits each, base32 without ambiguous
// letters), shown once, stored as SHA-256: their entropy makes a slow hash needless.
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32 alphabet: no I, L, O, U.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** XXXXX-XXXXX: ten characters of 5 bits. */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < 10; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newRecoveryCode());
  return [...codes];
}

/** Case, spaces and dashes do not matter; the look-alikes people type (O, I, L) read as what they look like. */
export function normalizeRecoveryCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export function looksLikeRecoveryCode(raw: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(normalizeRecoveryCode(raw));
}

export function hashRecoveryCode(raw: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(raw)).digest("hex");
}
