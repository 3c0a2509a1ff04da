import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  encodeInvitationToken,
  hashInvitationToken,
  invitationExpiry,
  invitationState,
  isWellFormedInvitationToken,
  unusableInvitationMessages,
} from "./invitation-token";

const bytes = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

describe("invitation tokens", () => {
  it("encodes 32 bytes as 43 base64url characters that the well-formedness check accepts", () => {
    const token = encodeInvitationToken(bytes);
    expect(token).toHaveLength(43);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, "base64url")).toEqual(Buffer.from(bytes));
    expect(isWellFormedInvitationToken(token)).toBe(true);
  });

  it("refuses any other number of bytes", () => {
    expect(() => encodeInvitationToken(new Uint8Array(16))).toThrow();
  });

  it.each(["", "abc", "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`, `${"a".repeat(42)}+`, "..".repeat(15)])(
    "treats %j as not a token",
    (token) => expect(isWellFormedInvitationToken(token)).toBe(false),
  );

  it("stores the hex SHA-256 of the token, never the token", () => {
    const token = encodeInvitationToken(bytes);
    const hash = hashInvitationToken(token);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashInvitationToken(`${token.slice(0, 42)}A`)).not.toBe(hash);
  });
});

describe("invitation expiry and state", () => {
  const sentAt = new Date("2026-03-28T10:00:00Z");
  const expiresAt = invitationExpiry(sentAt);
  const base = { acceptedAt: null, revokedAt: null, expiresAt };

  it("expires 7 days (168 hours) after it was sent, across the daylight-saving change", () => {
    expect(expiresAt.toISOString()).toBe("2026-04-04T10:00:00.000Z");
  });

  it("is pending until the last millisecond, expired from the expiry instant on", () => {
    expect(invitationState(base, new Date(expiresAt.getTime() - 1))).toBe("pending");
    expect(invitationState(base, expiresAt)).toBe("expired");
  });

  it("says it was used or cancelled rather than expired, whatever the date", () => {
    const later = new Date("2027-01-01T00:00:00Z");
    expect(invitationState({ ...base, acceptedAt: sentAt }, later)).toBe("accepted");
    expect(invitationState({ ...base, revokedAt: sentAt }, later)).toBe("revoked");
  });

  it("explains every unusable state in French", () => {
    expect(Object.keys(unusableInvitationMessages).sort()).toEqual(["accepted", "expired", "revoked", "unknown"]);
    expect(unusableInvitationMessages.accepted.title).toMatch(/déjà été utilisée/);
    expect(unusableInvitationMessages.revoked.title).toMatch(/annulée/);
  });
});
