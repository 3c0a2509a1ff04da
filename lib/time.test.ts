import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, waitingLabel } from "./time";

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
