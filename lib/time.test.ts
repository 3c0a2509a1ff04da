import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./time";

describe("French dates in Europe/Paris", () => {
  it("formats a winter instant in UTC+1", () => {
    expect(formatDateTime(new Date("2026-01-15T23:30:00Z"))).toBe("16 janvier 2026 à 00:30");
  });
  it("formats a summer instant in UTC+2", () => {
    expect(formatDateTime(new Date("2026-07-14T08:00:00Z"))).toBe("14 juillet 2026 à 10:00");
  });
  it("formats a date alone with accents intact", () => {
    expect(formatDate(new Date("2026-02-03T12:00:00Z"))).toBe("3 février 2026");
  });
});
