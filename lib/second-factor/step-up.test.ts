import { describe, expect, it } from "vitest";
import { STEP_UP_SECONDS, stepUpIsFresh } from "./step-up";

const now = new Date("2026-12-10T10:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("step-up clock", () => {
  it("is fresh for ten minutes after a check, not a second more", () => {
    expect(STEP_UP_SECONDS).toBe(600);
    expect(stepUpIsFresh(ago(0), now)).toBe(true);
    expect(stepUpIsFresh(ago(599), now)).toBe(true);
    expect(stepUpIsFresh(ago(600), now)).toBe(false);
    expect(stepUpIsFresh(ago(3600), now)).toBe(false);
  });

  it("is never fresh without a check, nor for a check dated far in the future", () => {
    expect(stepUpIsFresh(null, now)).toBe(false);
    expect(stepUpIsFresh(ago(-3600), now)).toBe(false);
  });

  it("takes a shorter window when given one", () => {
    expect(stepUpIsFresh(ago(20), now, 15)).toBe(false);
    expect(stepUpIsFresh(ago(10), now, 15)).toBe(true);
  });
});
