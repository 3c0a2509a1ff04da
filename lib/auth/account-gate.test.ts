import { describe, expect, it } from "vitest";
import { accountGate, GATE_PATHS } from "./account-gate";

describe("account gates", () => {
  const verified = new Date("2026-12-03T09:00:00Z");
  it("let a verified account with its own password through", () => {
    expect(accountGate({ emailVerifiedAt: verified, mustChangePassword: false })).toBeNull();
  });
  it("stop an unconfirmed address, and a one-time password before anything else", () => {
    expect(accountGate({ emailVerifiedAt: null, mustChangePassword: false })).toBe("verify_email");
    expect(accountGate({ emailVerifiedAt: verified, mustChangePassword: true })).toBe("change_password");
    expect(accountGate({ emailVerifiedAt: null, mustChangePassword: true })).toBe("change_password");
  });
  it("each lead to a page of the account space", () => {
    for (const path of Object.values(GATE_PATHS)) expect(path).toMatch(/^\/compte\//);
  });
});
