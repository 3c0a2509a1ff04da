// The per-address limits of the anonymous endpoints against a real PostgreSQL (ADR 0027): concurrent requests are
// counted exactly once each, scopes and addresses are apart, the previous window still weighs, and a refusal says
// how long to wait.
import { describe, expect, it } from "vitest";
import { db } from "./db.server";
import { AnonymousLimitReached, enforceAnonymousLimit, hitAnonymousLimit } from "./anonymous-limit.server";
import { rejection } from "./testing/rejection";

const limit = { max: 10, windowSeconds: 60 };

describe("anonymous limits in PostgreSQL", () => {
  it("let exactly the limit through when 40 requests from one address arrive at once", async () => {
    const now = new Date("2027-01-01T10:00:10Z");
    const decisions = await Promise.all(Array.from({ length: 40 }, () => hitAnonymousLimit("verification", "192.0.2.60", { now, limit })));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    const row = await db().anonymousRequestWindow.findUniqueOrThrow({
      where: { scope_address_windowStart: { scope: "verification", address: "192.0.2.60", windowStart: new Date("2027-01-01T10:00:00Z") } },
    });
    expect(row.count).toBe(40);
    // Another scope, another address: their own counts.
    expect(await hitAnonymousLimit("signUp", "192.0.2.60", { now, limit })).toEqual({ allowed: true });
    expect(await hitAnonymousLimit("verification", "192.0.2.61", { now, limit })).toEqual({ allowed: true });
  });

  it("weigh the previous window, then let the address through once it has slid past", async () => {
    for (let i = 0; i < 10; i++) await hitAnonymousLimit("signingLink", "192.0.2.62", { now: new Date("2027-01-01T10:00:50Z"), limit });
    // Five seconds into the next window, 10 × 55/60 still weigh: refused.
    expect((await hitAnonymousLimit("signingLink", "192.0.2.62", { now: new Date("2027-01-01T10:01:05Z"), limit })).allowed).toBe(false);
    // Near its end, the old window weighs little.
    expect((await hitAnonymousLimit("signingLink", "192.0.2.62", { now: new Date("2027-01-01T10:01:55Z"), limit })).allowed).toBe(true);
  });

  it("refuse with a French message saying how long to wait", async () => {
    const now = new Date("2027-01-01T11:00:00Z");
    for (let i = 0; i < 10; i++) await enforceAnonymousLimit("recovery", { ip: "192.0.2.63" }, { now, limit });
    const refused = await rejection(enforceAnonymousLimit("recovery", { ip: "192.0.2.63" }, { now, limit }));
    expect(refused).toBeInstanceOf(AnonymousLimitReached);
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.message).toMatch(/^Trop de demandes depuis votre adresse réseau\. Réessayez dans \d+ (secondes?|minutes?)\.$/);
  });
});
