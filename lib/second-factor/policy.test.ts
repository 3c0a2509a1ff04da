import { describe, expect, it } from "vitest";
import { requiredByAnOrganization, secondFactorGate, secondFactorRequired } from "./policy";

describe("second-factor policy", () => {
  it("requires a factor of every ANS account, and of editors only when an organisation says so", () => {
    expect(secondFactorRequired(["ANS_REVIEWER"])).toBe(true);
    expect(secondFactorRequired(["ANS_ADMIN"])).toBe(true);
    expect(secondFactorRequired(["EDITOR"])).toBe(false);
    expect(secondFactorRequired(["EDITOR"], true)).toBe(true);
  });

  it("counts an organisation's requirement when any one of the account's organisations sets it", () => {
    const of = (...settings: boolean[]) => settings.map((requireSecondFactor) => ({ organization: { requireSecondFactor } }));
    expect(requiredByAnOrganization(of())).toBe(false);
    expect(requiredByAnOrganization(of(false, false))).toBe(false);
    expect(requiredByAnOrganization(of(false, true))).toBe(true);
    expect(secondFactorGate({ required: secondFactorRequired(["EDITOR"], requiredByAnOrganization(of(true))), enrolled: false, passed: false })).toBe("second_factor_enrolment");
  });

  it("holds a session that has not passed its factor at the check, or at enrolment when it has none", () => {
    expect(secondFactorGate({ required: true, enrolled: false, passed: false })).toBe("second_factor_enrolment");
    expect(secondFactorGate({ required: true, enrolled: true, passed: false })).toBe("second_factor");
    expect(secondFactorGate({ required: false, enrolled: true, passed: false })).toBe("second_factor");
    expect(secondFactorGate({ required: false, enrolled: false, passed: false })).toBeNull();
    expect(secondFactorGate({ required: true, enrolled: true, passed: true })).toBeNull();
    // ProConnect's vouching counts as passed, even without a factor of the portal's own.
    expect(secondFactorGate({ required: true, enrolled: false, passed: true })).toBeNull();
  });
});
