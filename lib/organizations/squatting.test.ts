import { describe, expect, it } from "vitest";
import { caseProblem, claimProblem, ESCALATION_DAYS, escalationCutoff, resolutionReasonProblem, SQUATTING_MESSAGES, squattingRefusalProblem } from "./squatting";

describe("squatting rules (ADR 0057)", () => {
  it("escalates what has waited 15 days", () => {
    const now = new Date("2026-12-20T06:00:00Z");
    expect(ESCALATION_DAYS).toBe(15);
    expect(escalationCutoff(now).toISOString()).toBe("2026-12-05T06:00:00.000Z");
  });

  it("lets the requester claim a pending or refused request once", () => {
    expect(claimProblem({ status: "PENDING", escalatedAt: null })).toBeNull();
    expect(claimProblem({ status: "REFUSED", escalatedAt: null })).toBeNull();
    expect(claimProblem({ status: "ACCEPTED", escalatedAt: null })).toBe(SQUATTING_MESSAGES.claimNotOpen);
    expect(claimProblem({ status: "PENDING", escalatedAt: new Date() })).toBe(SQUATTING_MESSAGES.alreadyEscalated);
  });

  it("decides only escalated, unresolved cases", () => {
    expect(caseProblem({ escalatedAt: null, ansResolvedAt: null })).toBe(SQUATTING_MESSAGES.notEscalated);
    expect(caseProblem({ escalatedAt: new Date(), ansResolvedAt: new Date() })).toBe(SQUATTING_MESSAGES.resolved);
    expect(caseProblem({ escalatedAt: new Date(), ansResolvedAt: null })).toBeNull();
  });

  it("requires a reason of bounded length", () => {
    expect(resolutionReasonProblem("  ")).toEqual({ problem: SQUATTING_MESSAGES.reasonRequired });
    expect(resolutionReasonProblem(42)).toEqual({ problem: SQUATTING_MESSAGES.reasonRequired });
    expect(resolutionReasonProblem("x".repeat(2001))).toEqual({ problem: SQUATTING_MESSAGES.reasonTooLong });
    expect(resolutionReasonProblem(" Kbis du 2 décembre ")).toEqual({ reason: "Kbis du 2 décembre" });
  });

  it("refuses a squatting organisation unless suspended or already refused", () => {
    expect(squattingRefusalProblem("UNVERIFIED")).toBeNull();
    expect(squattingRefusalProblem("VERIFIED")).toBeNull();
    expect(squattingRefusalProblem("SUSPENDED")).toBe(SQUATTING_MESSAGES.suspended);
    expect(squattingRefusalProblem("REFUSED")).toBe(SQUATTING_MESSAGES.alreadyRefused);
  });
});
