import { describe, expect, it } from "vitest";
import {
  accountLinkExpiry,
  accountLinkState,
  encodeAccountLinkToken,
  hashAccountLinkToken,
  isWellFormedAccountLinkToken,
  mayMailAgain,
  unusableAccountLinkMessages,
} from "./account-link";

const at = new Date("2026-12-03T09:00:00Z");
const later = (ms: number) => new Date(at.getTime() + ms);

describe("account links", () => {
  it("are 43 base64url characters from 32 bytes, stored as their SHA-256 only", () => {
    const token = encodeAccountLinkToken(new Uint8Array(32).fill(7));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isWellFormedAccountLinkToken(token)).toBe(true);
    expect(hashAccountLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAccountLinkToken(token)).not.toContain(token);
    expect(() => encodeAccountLinkToken(new Uint8Array(16))).toThrow();
  });

  it.each([["short"], ["x".repeat(44)], ["a".repeat(42) + "!"], [""], [undefined], [42]])("call %j malformed", (token) => {
    expect(isWellFormedAccountLinkToken(token)).toBe(false);
  });

  it("hold 24 hours to verify an address, 1 hour to set a forgotten password", () => {
    expect(accountLinkExpiry("VERIFY_EMAIL", at).toISOString()).toBe("2026-12-04T09:00:00.000Z");
    expect(accountLinkExpiry("CHANGE_EMAIL", at).toISOString()).toBe("2026-12-04T09:00:00.000Z");
    expect(accountLinkExpiry("RESET_PASSWORD", at).toISOString()).toBe("2026-12-03T10:00:00.000Z");
  });

  it.each([
    ["a fresh link", { usedAt: null, revokedAt: null }, 0, "usable"],
    ["a link a millisecond before its end", { usedAt: null, revokedAt: null }, 3_599_999, "usable"],
    ["a link at its exact end", { usedAt: null, revokedAt: null }, 3_600_000, "expired"],
    ["a used link", { usedAt: at, revokedAt: null }, 0, "used"],
    ["a used link past its end", { usedAt: at, revokedAt: null }, 7_200_000, "used"],
    ["a replaced link", { usedAt: null, revokedAt: at }, 0, "replaced"],
    ["a replaced link past its end", { usedAt: null, revokedAt: at }, 7_200_000, "replaced"],
  ] as const)("%s is %s", (_label, marks, elapsed, expected) => {
    expect(accountLinkState({ ...marks, expiresAt: accountLinkExpiry("RESET_PASSWORD", at) }, later(elapsed))).toBe(expected);
  });

  it("say in French why a link no longer works, for each purpose and state, without naming the account", () => {
    for (const messages of Object.values(unusableAccountLinkMessages)) {
      expect(Object.keys(messages).sort()).toEqual(["expired", "replaced", "unknown", "used"]);
      for (const { title, text } of Object.values(messages)) {
        expect(title).toMatch(/^Ce lien/);
        expect(text).not.toMatch(/@/);
      }
    }
    expect(unusableAccountLinkMessages.RESET_PASSWORD.expired.text).toContain("1 heure");
    expect(unusableAccountLinkMessages.VERIFY_EMAIL.expired.text).toContain("24 heures");
  });

  it("allow one mail of a kind per address per 10 minutes", () => {
    expect(mayMailAgain(null, at)).toBe(true);
    expect(mayMailAgain(at, later(9 * 60_000 + 59_999))).toBe(false);
    expect(mayMailAgain(at, later(10 * 60_000))).toBe(true);
  });
});
