// Pure: time-based one-time passwords (RFC 6238) as authenticator apps read them: SHA-1, 6 digits, 30 s (issue 19,
// ADR 0041). A code is accepted for its own step or one step either side (clock drift), and only for a step later
// than the last one accepted: a code, once used, is refused for the rest of its window, and so is any older one.
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const ISSUER = "Espace de confiance ROR";

function totp(secretBase32: string, label = "compte"): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A fresh 160-bit secret, in base32 (what apps accept typed in). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an app reads from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totp(secretBase32, accountEmail).toString();
}

/** The secret in groups of four, easier to type. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, "$1 ").trim();
}

export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a given time step (demo, tests). */
export function totpCodeAt(secretBase32: string, step: number): string {
  return totp(secretBase32).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

export function normalizeCode(raw: string): string {
  return raw.replace(/[\s-]/g, "");
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "wrong" | "replayed" };

/** Whether `code` is valid at `now` (±1 step) and newer than `lastUsedStep`; the step to remember when it is. */
export function checkTotp(secretBase32: string, code: string, lastUsedStep: number | null, now: Date): TotpCheck {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: "wrong" };
  const delta = totp(secretBase32).validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return { ok: false, reason: "wrong" };
  const step = timeStep(now) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: "replayed" };
  return { ok: true, step };
}
