import { describe, expect, it } from "vitest";
import { decideSignIn, emailKey, pairDelaySeconds, SIGN_IN_LIMITS, signInRefusalMessage, windowStart, type RecentFailures } from "./sign-in-limit";

const now = new Date("2026-12-01T10:15:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const none: RecentFailures = { pair: 0, pairLatestAt: null, ip: 0, ipLimitingAt: null };

describe("sign-in limits", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [8, 8],
    [9, 16],
    [10, 30],
    [40, 30],
    [1000, 30],
  ])("after %i failures of a pair, waits %i s", (failures, delay) => {
    expect(pairDelaySeconds(failures)).toBe(delay);
  });

  type Row = [label: string, failures: RecentFailures, expected: ReturnType<typeof decideSignIn>];
  const rows: Row[] = [
    ["nothing failed", none, { allowed: true }],
    ["4 failures of the pair, just now", { ...none, pair: 4, pairLatestAt: now, ip: 4 }, { allowed: true }],
    ["5 failures, the last one just now", { ...none, pair: 5, pairLatestAt: now, ip: 5 }, { allowed: false, scope: "pair", retryAfterSeconds: 1 }],
    ["5 failures, the last one 1 s ago", { ...none, pair: 5, pairLatestAt: secondsAgo(1), ip: 5 }, { allowed: true }],
    ["7 failures, the last one 3 s ago", { ...none, pair: 7, pairLatestAt: secondsAgo(3), ip: 7 }, { allowed: false, scope: "pair", retryAfterSeconds: 1 }],
    ["7 failures, the last one 4 s ago", { ...none, pair: 7, pairLatestAt: secondsAgo(4), ip: 7 }, { allowed: true }],
    ["50 failures, the last one 10 s ago", { ...none, pair: 50, pairLatestAt: secondsAgo(10), ip: 50 }, { allowed: false, scope: "pair", retryAfterSeconds: 20 }],
    ["50 failures, the last one 30 s ago", { ...none, pair: 50, pairLatestAt: secondsAgo(30), ip: 50 }, { allowed: true }],
    ["99 failures from the address, none for this account", { ...none, ip: 99, ipLimitingAt: null }, { allowed: true }],
    [
      "100 failures from the address, the 100th most recent 5 minutes ago",
      { ...none, ip: 100, ipLimitingAt: secondsAgo(300) },
      { allowed: false, scope: "ip", retryAfterSeconds: 600 },
    ],
    [
      "the address limit wins over a pair that could go",
      { pair: 1, pairLatestAt: secondsAgo(60), ip: 250, ipLimitingAt: secondsAgo(899.5) },
      { allowed: false, scope: "ip", retryAfterSeconds: 1 },
    ],
  ];
  it.each(rows)("%s", (_label, failures, expected) => {
    expect(decideSignIn(failures, now)).toEqual(expected);
  });

  it("never delays an address that has not failed, whatever happened to the account elsewhere", () => {
    // Failures of the account from other addresses are not part of this pair: the owner's count is 0.
    expect(decideSignIn(none, now)).toEqual({ allowed: true });
  });

  it("takes its numbers from a profile", () => {
    const test = { ...SIGN_IN_LIMITS, maxFailuresPerIp: 3, freeFailuresPerPair: 2 };
    expect(decideSignIn({ ...none, ip: 3, ipLimitingAt: now }, now, test)).toMatchObject({ allowed: false, scope: "ip" });
    expect(decideSignIn({ ...none, pair: 2, pairLatestAt: now, ip: 2 }, now, test)).toMatchObject({ allowed: false, scope: "pair" });
  });

  it("counts over a 15-minute window", () => {
    expect(windowStart(now).toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });

  it("keys accounts by normalised e-mail", () => {
    expect(emailKey("  Alice@Exemple.FR ")).toBe("alice@exemple.fr");
  });

  it("tells in French how long to wait", () => {
    expect(signInRefusalMessage({ scope: "pair", retryAfterSeconds: 1 })).toBe(
      "Trop d'échecs de connexion pour ce compte depuis votre adresse réseau. Réessayez dans 1 seconde.",
    );
    expect(signInRefusalMessage({ scope: "pair", retryAfterSeconds: 16 })).toContain("Réessayez dans 16 secondes.");
    expect(signInRefusalMessage({ scope: "ip", retryAfterSeconds: 61 })).toBe(
      "Trop d'échecs de connexion depuis votre adresse réseau. Réessayez dans 2 minutes.",
    );
    expect(signInRefusalMessage({ scope: "ip", retryAfterSeconds: 30 })).toContain("Réessayez dans 1 minute.");
  });
});
