// Pure: who must have a second factor, and what a session must do about it (issue 19, ADR 0041).
import type { PlatformRole } from "../auth/permissions";

/** ANS reviewers and administrators always; an editor when one of their organisations requires it of its members. */
export function secondFactorRequired(roles: readonly PlatformRole[], requiredByAnOrganization = false): boolean {
  return roles.some((role) => role === "ANS_REVIEWER" || role === "ANS_ADMIN") || requiredByAnOrganization;
}

/**
 * Whether one of the account's organisations requires a second factor of its members. A suspended organisation's
 * setting still counts: suspension takes rights away, it does not lower the bar of signing in.
 */
export function requiredByAnOrganization(memberships: readonly { organization: { requireSecondFactor: boolean } }[]): boolean {
  return memberships.some((m) => m.organization.requireSecondFactor);
}

export type SecondFactorGate = "second_factor" | "second_factor_enrolment";

/**
 * A session that passed a second-factor check (or that ProConnect vouched for) goes on; one whose account has a
 * factor must pass it; one whose account needs a factor and has none enrols first.
 */
export function secondFactorGate(input: { required: boolean; enrolled: boolean; passed: boolean }): SecondFactorGate | null {
  if (input.passed) return null;
  if (input.enrolled) return "second_factor";
  return input.required ? "second_factor_enrolment" : null;
}

/** The factors an account has: its authenticator app (recovery codes go with it) and its passkeys (ADR 0060). */
export type FactorInventory = { totp: boolean; passkeys: number };

export function hasAnyFactor(inventory: FactorInventory): boolean {
  return inventory.totp || inventory.passkeys > 0;
}

/**
 * Why removing this factor is refused, or null when it may go: an account that must keep a factor (`requiredBy`)
 * may remove any of its factors but the last one. A passkey counts as one, like the app.
 */
export function lastFactorRefusal(
  requiredBy: "ans_role" | "organization" | null,
  inventory: FactorInventory,
  removing: "totp" | "passkey",
): "ans_role" | "organization" | null {
  if (!requiredBy) return null;
  const left = (inventory.totp && removing !== "totp" ? 1 : 0) + Math.max(0, inventory.passkeys - (removing === "passkey" ? 1 : 0));
  return left > 0 ? null : requiredBy;
}
