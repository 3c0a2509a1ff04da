import { describe, expect, it } from "vitest";
import {
  authenticationResponseSchema,
  ceremonyErrorMessage,
  challengeExpiresAt,
  challengeUsable,
  knownTransports,
  passkeyNameSchema,
  registrationResponseSchema,
  relyingParty,
} from "./passkey-rules";

const registration = {
  id: "AbC-_9",
  rawId: "AbC-_9",
  type: "public-key",
  response: { clientDataJSON: "eyJ0", attestationObject: "o2Nm", transports: ["internal", "usb"] },
  clientExtensionResults: {},
};

describe("passkey rules", () => {
  it("takes the relying party from AUTH_URL: its host is the rp id, its origin the only one accepted", () => {
    expect(relyingParty("https://confiance.ror.example.fr/chemin", "http://ignored")).toEqual({
      rpID: "confiance.ror.example.fr",
      origin: "https://confiance.ror.example.fr",
      rpName: "Espace de confiance ROR",
    });
    expect(relyingParty("http://localhost:3300", "http://other")).toMatchObject({ rpID: "localhost", origin: "http://localhost:3300" });
    expect(relyingParty(undefined, "http://localhost:3000")).toMatchObject({ rpID: "localhost", origin: "http://localhost:3000" });
  });

  it("keeps a challenge five minutes, not a millisecond more", () => {
    const now = new Date("2026-12-17T10:00:00Z");
    const expiresAt = challengeExpiresAt(now);
    expect(expiresAt.toISOString()).toBe("2026-12-17T10:05:00.000Z");
    expect(challengeUsable({ expiresAt }, new Date("2026-12-17T10:04:59.999Z"))).toBe(true);
    expect(challengeUsable({ expiresAt }, expiresAt)).toBe(false);
  });

  it("cleans a passkey's name and bounds it", () => {
    expect(passkeyNameSchema.parse("  Clé   USB\u0000 du bureau\u200b ")).toBe("Clé USB du bureau");
    expect(passkeyNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("Donnez un nom à cette clé d'accès.");
    expect(passkeyNameSchema.safeParse(undefined).error?.issues[0]?.message).toBe("Donnez un nom à cette clé d'accès.");
    expect(passkeyNameSchema.safeParse("x".repeat(61)).error?.issues[0]?.message).toBe("Le nom tient en 60 caractères au plus.");
  });

  it("accepts the browser's responses and refuses hostile shapes before reading them", () => {
    expect(registrationResponseSchema.parse(registration).response.transports).toEqual(["internal", "usb"]);
    expect(registrationResponseSchema.safeParse({ ...registration, type: "password" }).success).toBe(false);
    expect(registrationResponseSchema.safeParse({ ...registration, id: "not base64url!" }).success).toBe(false);
    expect(registrationResponseSchema.safeParse({ ...registration, response: { ...registration.response, attestationObject: "A".repeat(40_000) } }).success).toBe(false);
    expect(registrationResponseSchema.safeParse("{}").success).toBe(false);
    const assertion = { ...registration, response: { clientDataJSON: "eyJ0", authenticatorData: "SZYN", signature: "MEUC" } };
    expect(authenticationResponseSchema.parse(assertion).clientExtensionResults).toEqual({});
    expect(authenticationResponseSchema.safeParse({ ...assertion, response: { clientDataJSON: "eyJ0" } }).success).toBe(false);
    // A post-quantum signature (kilobytes) is not among the algorithms offered.
    expect(authenticationResponseSchema.safeParse({ ...assertion, response: { ...assertion.response, signature: "A".repeat(3000) } }).success).toBe(false);
    // Unknown keys are dropped, not stored or passed on.
    expect(authenticationResponseSchema.parse({ ...assertion, extra: "x" })).not.toHaveProperty("extra");
  });

  it("stores only the transports WebAuthn defines", () => {
    expect(knownTransports(["usb", "bogus", "usb", "hybrid"])).toEqual(["usb", "hybrid"]);
    expect(knownTransports(undefined)).toEqual([]);
  });

  it("says in French why the browser's ceremony failed", () => {
    expect(ceremonyErrorMessage("NotAllowedError", "authentication")).toMatch(/annulée/);
    expect(ceremonyErrorMessage("InvalidStateError", "registration")).toMatch(/déjà enregistrée/);
    expect(ceremonyErrorMessage(undefined, "registration")).toMatch(/n'a pas répondu/);
  });
});
