import { describe, expect, it } from "vitest";
import { dueReminderDay, earliestReminderSentBefore } from "./reminders";
import { signingLinkExpiry } from "./signing-link";

const sentAt = new Date("2026-12-01T09:00:00Z");
const link = { sentAt, expiresAt: signingLinkExpiry(sentAt) };
const at = (days: number, hours = 0) => new Date(sentAt.getTime() + (days * 24 + hours) * 3600_000);

describe("signature reminders", () => {
  it("reminds on day 3 and day 10 of the link, once each", () => {
    expect(dueReminderDay(link, at(2, 23), [])).toBeNull();
    expect(dueReminderDay(link, at(3), [])).toBe(3);
    expect(dueReminderDay(link, at(5), [3])).toBeNull();
    expect(dueReminderDay(link, at(10), [3])).toBe(10);
    expect(dueReminderDay(link, at(12), [3, 10])).toBeNull();
  });

  it("sends only the latest reminder due after an absence, and none once the link has expired", () => {
    expect(dueReminderDay(link, at(11), [])).toBe(10);
    expect(dueReminderDay(link, at(11), [10])).toBeNull();
    expect(dueReminderDay(link, at(13, 23), [3])).toBe(10);
    expect(dueReminderDay(link, at(14), [3])).toBeNull();
    expect(dueReminderDay(link, at(20), [])).toBeNull();
  });

  it("looks only at links at least three days old", () => {
    expect(earliestReminderSentBefore(at(3)).toISOString()).toBe(sentAt.toISOString());
  });
});
