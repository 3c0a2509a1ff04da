import { describe, expect, it } from "vitest";
import { hasAnyFactor, lastFactorRefusal, requiredByAnOrganization, secondFactorGate, secondFactorRequired } from "./policy";

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

  it("lets an account that must keep a factor remove any of its factors but the last one (ADR 0060)", () => {
    const both = { totp: true, passkeys: 1 };
    expect(lastFactorRefusal("ans_role", both, "totp")).toBeNull();
    expect(lastFactorRefusal("ans_role", both, "passkey")).toBeNull();
    expect(lastFactorRefusal("ans_role", { totp: false, passkeys: 1 }, "passkey")).toBe("ans_role");
    expect(lastFactorRefusal("ans_role", { totp: true, passkeys: 0 }, "totp")).toBe("ans_role");
    expect(lastFactorRefusal("organization", { totp: false, passkeys: 2 }, "passkey")).toBeNull();
    expect(lastFactorRefusal("organization", { totp: true, passkeys: 0 }, "totp")).toBe("organization");
    // Nobody requires one: even the last factor may go.
    expect(lastFactorRefusal(null, { totp: false, passkeys: 1 }, "passkey")).toBeNull();
    expect(hasAnyFactor({ totp: false, passkeys: 0 })).toBe(false);
    expect(hasAnyFactor({ totp: false, passkeys: 1 })).toBe(true);
  });
});
