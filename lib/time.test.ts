import { describe, expect, it } from "vitest";
import { calendarDaysUntil, daysLeftLabel, formatDate, formatDateTime, waitingLabel } from "./time";

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

describe("waiting time", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const hour = 3600_000;

  it("is told in French", () => {
    expect(waitingLabel(ago(5 * 60_000), now)).toBe("en attente depuis moins d'une heure");
    expect(waitingLabel(ago(hour), now)).toBe("en attente depuis 1 heure");
    expect(waitingLabel(ago(5 * hour), now)).toBe("en attente depuis 5 heures");
    expect(waitingLabel(ago(24 * hour), now)).toBe("en attente depuis 1 jour");
    expect(waitingLabel(ago(3 * 24 * hour + 5 * hour), now)).toBe("en attente depuis 3 jours");
    expect(waitingLabel(ago(-hour), now)).toBe("en attente depuis moins d'une heure");
  });
});

describe("days left, as a person counts them", () => {
  it("gives 365 for a one-year certificate issued today, whatever the hour", () => {
    const issued = new Date("2026-12-02T09:30:00Z");
    const end = new Date("2027-12-02T09:29:59Z");
    expect(calendarDaysUntil(end, issued)).toBe(365);
    expect(calendarDaysUntil(end, new Date("2026-12-02T22:59:00Z"))).toBe(365);
    expect(daysLeftLabel(365)).toBe("365 jours restants");
  });

  it("counts calendar days in Paris, not 24-hour spans", () => {
    // 23:30 in Paris on 1 March, and 00:30 on 2 March: one day apart although one hour apart.
    expect(calendarDaysUntil(new Date("2027-03-01T23:30:00Z"), new Date("2027-03-01T22:30:00Z"))).toBe(1);
    // Across the change to summer time (28 March 2027).
    expect(calendarDaysUntil(new Date("2027-04-01T10:00:00Z"), new Date("2027-03-25T10:00:00Z"))).toBe(7);
    expect(calendarDaysUntil(new Date("2028-03-01T12:00:00Z"), new Date("2027-03-01T12:00:00Z"))).toBe(366);
  });

  it("says the last day and the days since expiry", () => {
    expect(calendarDaysUntil(new Date("2026-12-02T20:00:00Z"), new Date("2026-12-02T08:00:00Z"))).toBe(0);
    expect(daysLeftLabel(0)).toBe("dernier jour");
    expect(daysLeftLabel(1)).toBe("1 jour restant");
    expect(daysLeftLabel(-3)).toBe("expiré depuis 3 jours");
    expect(daysLeftLabel(2403)).toBe("2\u202f403 jours restants");
  });
});
