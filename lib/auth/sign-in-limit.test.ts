import { describe, expect, it } from "vitest";
import { emailKey, isSignInBlocked, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, windowStart } from "./sign-in-limit";

describe("sign-in rate limit", () => {
  it("allows attempts under both limits", () => {
    expect(isSignInBlocked({ forAccount: MAX_FAILURES_PER_ACCOUNT - 1, forIp: MAX_FAILURES_PER_IP - 1 })).toBe(false);
  });
  it("blocks an account after too many failures, whatever the IP", () => {
    expect(isSignInBlocked({ forAccount: MAX_FAILURES_PER_ACCOUNT, forIp: 0 })).toBe(true);
  });
  it("blocks an IP after too many failures, whatever the account", () => {
    expect(isSignInBlocked({ forAccount: 0, forIp: MAX_FAILURES_PER_IP })).toBe(true);
  });
  it("counts over a 15-minute window", () => {
    expect(windowStart(new Date("2026-11-26T10:15:00Z")).toISOString()).toBe("2026-11-26T10:00:00.000Z");
  });
  it("keys accounts by normalised e-mail", () => {
    expect(emailKey("  Alice@Exemple.FR ")).toBe("alice@exemple.fr");
  });
});
