import { describe, expect, it } from "vitest";
import { housekeepingCutoffs } from "./housekeeping";

describe("housekeeping cutoffs", () => {
  it("keeps API calls and personal data for their retention, the rest past its use", () => {
    const now = new Date("2027-06-01T01:30:00Z");
    expect(housekeepingCutoffs(now, { apiCallRetentionDays: 90, personalDataRetentionDays: 365 })).toEqual({
      apiCallsBefore: new Date("2027-03-03T01:30:00Z"),
      signInAttemptsBefore: new Date("2027-05-31T01:30:00Z"),
      rateWindowsBefore: new Date("2027-06-01T00:30:00Z"),
      anonymousWindowsBefore: new Date("2027-05-31T01:30:00Z"),
      linksExpiredBefore: new Date("2027-05-02T01:30:00Z"),
      personalDataBefore: new Date("2026-06-01T01:30:00Z"),
    });
  });
});
