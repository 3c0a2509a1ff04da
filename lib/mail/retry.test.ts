import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE, nextAttemptAt, nominalAttempts, retryDelayMs, retryScheduleFrom } from "./retry";
import { classifySmtpError } from "./smtp-error";

const HOUR = 60 * 60_000;

describe("mail retry schedule", () => {
  it("doubles from the first delay up to the cap, with at most half of each delay random", () => {
    const low = (failures: number) => retryDelayMs(failures, DEFAULT_RETRY_SCHEDULE, () => 0);
    const high = (failures: number) => retryDelayMs(failures, DEFAULT_RETRY_SCHEDULE, () => 1);
    expect([1, 2, 3, 4].map(low)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(high(1)).toBe(60_000);
    expect(high(7)).toBe(HOUR);
    expect(retryDelayMs(7, DEFAULT_RETRY_SCHEDULE, () => 1)).toBe(HOUR);
    expect(high(30)).toBe(HOUR);
    expect(low(30)).toBe(HOUR / 2);
    expect(retryDelayMs(1000, DEFAULT_RETRY_SCHEDULE, () => 0.5)).toBe(0.75 * HOUR);
  });

  it("keeps retrying over at least 24 hours after the first failure, then gives up", () => {
    for (const random of [() => 0, () => 0.5, () => 0.999999, Math.random]) {
      const firstFailure = new Date("2026-12-01T10:00:00Z");
      const retryUntil = new Date(firstFailure.getTime() + DEFAULT_RETRY_SCHEDULE.windowMs);
      let now = firstFailure;
      let failures = 1;
      for (;;) {
        const next = nextAttemptAt({ failures, now, retryUntil, schedule: DEFAULT_RETRY_SCHEDULE, random });
        if (!next) break;
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        now = next;
        failures++;
      }
      expect(now.getTime() - firstFailure.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
      expect(now.getTime() - firstFailure.getTime()).toBeLessThanOrEqual(25 * HOUR);
    }
    expect(nominalAttempts(DEFAULT_RETRY_SCHEDULE)).toBe(30);
  });

  it("compresses to seconds for tests, and never caps below the first delay", () => {
    expect(retryScheduleFrom({ firstDelaySeconds: 0.2, maxDelaySeconds: 1, windowSeconds: 5 })).toEqual({ firstDelayMs: 200, maxDelayMs: 1000, windowMs: 5000 });
    expect(retryScheduleFrom({ firstDelaySeconds: 10, maxDelaySeconds: 1 }).maxDelayMs).toBe(10_000);
    expect(retryScheduleFrom({})).toEqual(DEFAULT_RETRY_SCHEDULE);
  });
});

describe("SMTP failures", () => {
  it("stops at once on a 5xx reply and retries anything else", () => {
    expect(classifySmtpError({ code: "EENVELOPE", responseCode: 550, response: "550 5.1.1 <x@exemple.fr>: boîte inconnue" })).toEqual({
      permanent: true,
      responseCode: 550,
      description: "EENVELOPE : 550 5.1.1 <x@exemple.fr>: boîte inconnue",
    });
    expect(classifySmtpError({ code: "EENVELOPE", responseCode: 451, response: "451 4.3.0 réessayez" }).permanent).toBe(false);
    expect(classifySmtpError({ code: "ECONNECTION", message: "Connection closed\nunexpectedly" })).toEqual({ permanent: false, responseCode: null, description: "ECONNECTION : Connection closed unexpectedly" });
    expect(classifySmtpError(new Error("boom")).permanent).toBe(false);
    expect(classifySmtpError("texte").description).toBe("texte");
    expect(classifySmtpError({ responseCode: 600 }).permanent).toBe(false);
  });
});
