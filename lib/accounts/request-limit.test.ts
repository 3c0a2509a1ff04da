import { describe, expect, it } from "vitest";
import { accountRequestLimit, accountRequestRefusalMessage, decideAccountRequest } from "./request-limit";

const now = new Date("2026-12-03T09:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("account request limits per address", () => {
  const limit = accountRequestLimit(20);
  it("let 20 an hour through, then wait until the oldest of the last 20 leaves the hour", () => {
    expect(decideAccountRequest({ count: 0, limitingAt: null }, now, limit)).toEqual({ allowed: true });
    expect(decideAccountRequest({ count: 19, limitingAt: null }, now, limit)).toEqual({ allowed: true });
    expect(decideAccountRequest({ count: 20, limitingAt: minutesAgo(45) }, now, limit)).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    expect(decideAccountRequest({ count: 35, limitingAt: minutesAgo(59.99) }, now, limit)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("take their number from the setting", () => {
    expect(decideAccountRequest({ count: 3, limitingAt: now }, now, accountRequestLimit(3))).toMatchObject({ allowed: false });
    expect(decideAccountRequest({ count: 3, limitingAt: null }, now, accountRequestLimit(500))).toEqual({ allowed: true });
  });

  it("say in French what was refused and how long to wait", () => {
    expect(accountRequestRefusalMessage("SIGN_UP", 61)).toBe("Trop de créations de compte depuis votre adresse réseau. Réessayez dans 2 minutes.");
    expect(accountRequestRefusalMessage("PASSWORD_RECOVERY", 1)).toBe("Trop de demandes de réinitialisation depuis votre adresse réseau. Réessayez dans 1 minute.");
    expect(accountRequestRefusalMessage("INVITATION_ACCEPTANCE", 3600)).toContain("Réessayez dans 60 minutes.");
  });
});
