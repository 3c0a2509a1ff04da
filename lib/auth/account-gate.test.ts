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

  it("holds an editor whose every organisation is suspended at the page saying so (issue 22)", () => {
    const user = { emailVerifiedAt: new Date("2026-01-01T00:00:00Z"), mustChangePassword: false };
    expect(accountGate(user, { organizations: 1, suspendedOrganizations: 1 })).toBe("organization_suspended");
    expect(accountGate(user, { organizations: 2, suspendedOrganizations: 1 })).toBeNull();
    expect(accountGate(user, { organizations: 0, suspendedOrganizations: 0 })).toBeNull();
    expect(GATE_PATHS.organization_suspended).toBe("/compte/organisation-suspendue");
  });

  it("holds an editor of no organisation who asked to join one at the page of their requests (issue 22)", () => {
    const user = { emailVerifiedAt: new Date("2026-01-01T00:00:00Z"), mustChangePassword: false };
    expect(accountGate(user, { organizations: 0, suspendedOrganizations: 0, joinRequests: 1 })).toBe("join_request");
    expect(accountGate(user, { organizations: 1, suspendedOrganizations: 0, joinRequests: 1 })).toBeNull();
    expect(accountGate({ ...user, emailVerifiedAt: null }, { organizations: 0, suspendedOrganizations: 0, joinRequests: 1 })).toBe("verify_email");
  });

  it("holds a session at its second factor after the password and the address, before the rest (issue 19)", () => {
    const user = { emailVerifiedAt: verified, mustChangePassword: false };
    const none = { organizations: 0, suspendedOrganizations: 0 };
    expect(accountGate(user, none, "second_factor")).toBe("second_factor");
    expect(accountGate(user, none, "second_factor_enrolment")).toBe("second_factor_enrolment");
    expect(accountGate({ ...user, mustChangePassword: true }, none, "second_factor")).toBe("change_password");
    expect(accountGate(user, { organizations: 1, suspendedOrganizations: 1 }, "second_factor")).toBe("second_factor");
  });
});
