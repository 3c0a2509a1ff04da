import { describe, expect, it } from "vitest";
import { parseCronItems } from "graphile-worker";
import { isAtParisTime, isDueRun, parisTimeOf, SCHEDULES } from "./schedules";

const watch = SCHEDULES.find((s) => s.identifier === "certificate-expiry-watch")!;

describe("schedules", () => {
  it("runs the certificate expiry watch at 06:00 in Paris, summer and winter, and at no other hour", () => {
    expect(watch.match).toBe("0 4,5 * * *");
    // Summer (UTC+2): 04:00 UTC is 06:00 in Paris; 05:00 UTC is 07:00.
    expect(isDueRun(watch, new Date("2026-07-14T04:00:00Z"))).toBe(true);
    expect(isDueRun(watch, new Date("2026-07-14T05:00:00Z"))).toBe(false);
    // Winter (UTC+1).
    expect(isDueRun(watch, new Date("2026-12-01T05:00:00Z"))).toBe(true);
    expect(isDueRun(watch, new Date("2026-12-01T04:00:00Z"))).toBe(false);
    // The days the clocks change: 29 March 2026 (to summer time at 01:00 UTC), 25 October 2026 (back at 01:00 UTC).
    expect(isDueRun(watch, new Date("2026-03-29T04:00:00Z"))).toBe(true);
    expect(isDueRun(watch, new Date("2026-03-29T05:00:00Z"))).toBe(false);
    expect(isDueRun(watch, new Date("2026-10-25T05:00:00Z"))).toBe(true);
    expect(isDueRun(watch, new Date("2026-10-25T04:00:00Z"))).toBe(false);
    expect(isDueRun(watch, null)).toBe(false);
  });

  it("reads Paris time whatever the server's zone, and lets undated schedules through", () => {
    expect(parisTimeOf(new Date("2026-01-01T23:30:00Z"))).toEqual({ hour: 0, minute: 30 });
    expect(isAtParisTime(new Date("2026-06-01T01:30:00Z"), { hour: 3, minute: 30 })).toBe(true);
    expect(isDueRun(SCHEDULES.find((s) => s.identifier === "mail-sweep"), null)).toBe(true);
  });

  it("gives the engine valid cron items with distinct identifiers", () => {
    const items = parseCronItems(SCHEDULES.map((s) => ({ task: s.task, match: s.match, identifier: s.identifier, options: { backfillPeriod: s.backfillMs } })));
    expect(items.map((i) => i.identifier)).toEqual(["certificate-expiry-watch", "housekeeping", "attestation-reminders", "mail-sweep", "webhook-sweep", "statistics-refresh", "join-request-escalation"]);
    const digest = { min: 0, hour: 4, date: 14, month: 7, dow: 2 };
    expect(items[0]!.match(digest)).toBe(true);
    expect(items[0]!.match({ ...digest, hour: 6 })).toBe(false);
    expect(items[3]!.match({ ...digest, min: 20 })).toBe(true);
    expect(items[3]!.match({ ...digest, min: 25 })).toBe(false);
  });
});
