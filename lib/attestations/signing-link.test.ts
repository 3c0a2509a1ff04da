import { describe, expect, it } from "vitest";
import { encodeSigningToken, hashSigningToken, isWellFormedSigningToken, signingLinkExpiry, signingLinkState } from "./signing-link";

const now = new Date("2026-03-10T10:00:00Z");

describe("signing links", () => {
  it("encodes 32 bytes as a 43-character base64url token and stores only its SHA-256", () => {
    const token = encodeSigningToken(new Uint8Array(32).fill(250));
    expect(token).toHaveLength(43);
    expect(isWellFormedSigningToken(token)).toBe(true);
    expect(isWellFormedSigningToken(`${token}=`)).toBe(false);
    expect(isWellFormedSigningToken("../etc/passwd")).toBe(false);
    expect(hashSigningToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSigningToken(token)).not.toContain(token);
    expect(() => encodeSigningToken(new Uint8Array(16))).toThrow();
  });

  it("expires after 14 days, at the exact instant", () => {
    const expiresAt = signingLinkExpiry(now);
    expect(expiresAt.toISOString()).toBe("2026-03-24T10:00:00.000Z");
    const pending = { status: "PENDING" as const, usedAt: null, expiresAt };
    expect(signingLinkState(pending, new Date(expiresAt.getTime() - 1))).toBe("valid");
    expect(signingLinkState(pending, expiresAt)).toBe("expired");
  });

  it("says what happened to the link before saying it expired", () => {
    const late = new Date("2027-01-01T00:00:00Z");
    const expiresAt = signingLinkExpiry(now);
    expect(signingLinkState({ status: "SIGNED", usedAt: now, expiresAt }, late)).toBe("used");
    expect(signingLinkState({ status: "DECLINED", usedAt: now, expiresAt }, late)).toBe("declined");
    expect(signingLinkState({ status: "CANCELLED", usedAt: null, expiresAt }, late)).toBe("cancelled");
    expect(signingLinkState({ status: "PENDING", usedAt: null, expiresAt }, late)).toBe("expired");
  });
});
