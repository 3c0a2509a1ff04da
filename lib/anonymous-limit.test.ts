import { describe, expect, it } from "vitest";
import { ANONYMOUS_LIMITS, anonymousRefusalMessage, decideAnonymous, scaledLimit, slidingCount, windowStartOf } from "./anonymous-limit";

const limit = { max: 30, windowSeconds: 60 };
const at = (seconds: number) => new Date(Date.UTC(2027, 0, 1, 10, 0, 0) + seconds * 1000);

describe("anonymous limits", () => {
  it("count in fixed windows and weigh the previous one by what still overlaps the sliding window", () => {
    expect(windowStartOf(at(59.9), limit)).toEqual(at(0));
    expect(windowStartOf(at(60), limit)).toEqual(at(60));
    expect(slidingCount({ current: 10, previous: 30 }, at(60 + 15), limit)).toBeCloseTo(10 + 30 * 0.75);
  });

  it("let the limit through, then refuse, with the wait until one more request is allowed", () => {
    expect(decideAnonymous({ current: 30, previous: 0 }, at(10), limit)).toEqual({ allowed: true });
    // The 31st in the same window: allowed again in the next window once this one's weight has dropped under 29/31.
    const refused = decideAnonymous({ current: 31, previous: 0 }, at(10), limit);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 50 + Math.ceil(60 * (1 - 29 / 31)) });
    // Early in a window after a full one: the previous window's weight refuses, for as long as it takes to slide.
    const sliding = decideAnonymous({ current: 1, previous: 30 }, at(60 + 1), limit);
    expect(sliding.allowed).toBe(false);
    if (!sliding.allowed) expect(sliding.retryAfterSeconds).toBe(Math.ceil(60 * (1 - 28 / 30) - 1));
    // No burst of twice the limit across a boundary: 30 at the end of one window, then few at the start of the next.
    expect(decideAnonymous({ current: 5, previous: 30 }, at(60 + 5), limit).allowed).toBe(false);
  });

  it("scale with the multiplier, and say how long to wait in French", () => {
    expect(scaledLimit(ANONYMOUS_LIMITS.signUp, 20)).toEqual({ max: 200, windowSeconds: 3600 });
    expect(scaledLimit(ANONYMOUS_LIMITS.signUp, 1)).toEqual(ANONYMOUS_LIMITS.signUp);
    expect(anonymousRefusalMessage(1)).toBe("Trop de demandes depuis votre adresse réseau. Réessayez dans 1 seconde.");
    expect(anonymousRefusalMessage(45)).toBe("Trop de demandes depuis votre adresse réseau. Réessayez dans 45 secondes.");
    expect(anonymousRefusalMessage(61)).toBe("Trop de demandes depuis votre adresse réseau. Réessayez dans 2 minutes.");
    expect(anonymousRefusalMessage(60)).toBe("Trop de demandes depuis votre adresse réseau. Réessayez dans 1 minute.");
  });
});
