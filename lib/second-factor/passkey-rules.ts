// Pure: the rules of passkeys (WebAuthn) as a second factor (issue 19, ADR 0060): the relying party, the shapes the
// browser may send (bounded: hostile JSON is refused before any parsing of its binary parts), names, challenges.
import { z } from "zod";

/** What the portal calls itself in the browser's passkey dialog. */
export const RELYING_PARTY_NAME = "Espace de confiance ROR";

/** A ceremony's challenge lives five minutes, the time the browser is given too. */
export const CHALLENGE_SECONDS = 5 * 60;

/**
 * EdDSA, ES256, RS256: what every authenticator offers. Not ML-DSA (the library's default when the runtime has it):
 * Node's WebCrypto marks it experimental, and its signatures are kilobytes.
 */
export const PASSKEY_ALGORITHMS = [-8, -7, -257];

/** Enough for a key per device and a spare or two; a bound on what one account stores. */
export const MAX_PASSKEYS = 10;

export type RelyingParty = { rpID: string; origin: string; rpName: string };

/**
 * The relying party is the portal's public address (AUTH_URL): its host name is the rp id a passkey is bound to, its
 * origin the only one whose signatures count. Without AUTH_URL (a local run), the request's own origin stands in.
 */
export function relyingParty(authUrl: string | undefined, fallbackOrigin: string): RelyingParty {
  const url = new URL(authUrl ?? fallbackOrigin);
  return { rpID: url.hostname, origin: url.origin, rpName: RELYING_PARTY_NAME };
}

export function challengeExpiresAt(now: Date): Date {
  return new Date(now.getTime() + CHALLENGE_SECONDS * 1000);
}

export function challengeUsable(challenge: { expiresAt: Date }, now: Date): boolean {
  return challenge.expiresAt.getTime() > now.getTime();
}

// Control characters and the like would make a name unreadable in the list and in the journal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

export const passkeyNameSchema = z
  .string({ error: "Donnez un nom à cette clé d'accès." })
  .transform((value) => value.replace(CONTROL, "").replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "Donnez un nom à cette clé d'accès.").max(60, "Le nom tient en 60 caractères au plus."));

const base64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/);
// A credential id is at most 1023 bytes (WebAuthn §5.1): 1364 characters of base64url.
const credentialId = base64url(1364);
const TRANSPORTS = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** Transports the browser reported that WebAuthn defines; anything else is dropped, never stored. */
export function knownTransports(values: readonly string[] | undefined): Transport[] {
  return [...new Set((values ?? []).filter((t): t is Transport => (TRANSPORTS as readonly string[]).includes(t)))];
}

const common = {
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  // Only credProps is read by anyone; everything else the browser adds is dropped.
  clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }).default({}),
};

export const registrationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url(4096),
    // Attestation "none" is asked for; a larger object (certificate chains) is still bounded.
    attestationObject: base64url(32_768),
    authenticatorData: base64url(16_384).optional(),
    publicKey: base64url(4096).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(16_384),
    // An RS256 signature of an 8192-bit key is 1366 characters; ECDSA and EdDSA are under 100.
    signature: base64url(2048),
    userHandle: base64url(128).optional(),
  }),
});

export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

/**
 * What to tell the person when the browser's ceremony failed (the error's `name`, DOMException or
 * @simplewebauthn/browser's WebAuthnError): the portal never saw a response, so nothing was checked or written.
 */
export function ceremonyErrorMessage(name: string | undefined, ceremony: "registration" | "authentication"): string {
  if (name === "InvalidStateError" && ceremony === "registration") return "Cette clé d'accès est déjà enregistrée sur votre compte.";
  if (name === "NotAllowedError" || name === "AbortError") return "L'opération a été annulée ou le délai est dépassé. Réessayez.";
  if (name === "NotSupportedError" || name === "SecurityError") return "Ce navigateur ne permet pas d'utiliser une clé d'accès sur cette adresse.";
  return "La clé d'accès n'a pas répondu. Réessayez, ou utilisez un autre moyen.";
}
