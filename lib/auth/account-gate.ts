// Pure: what a signed-in account must do before anything else (ADR 0020, 0022). An account whose address is not
// confirmed, or whose password is a one-time password, is signed in but sees only the page that says what to do.

import type { SecondFactorGate } from "../second-factor/policy";

export type AccountGate = "change_password" | "verify_email" | SecondFactorGate | "organization_suspended" | "join_request";

export const GATE_PATHS: Record<AccountGate, string> = {
  change_password: "/compte/nouveau-mot-de-passe",
  verify_email: "/compte/adresse-a-confirmer",
  organization_suspended: "/compte/organisation-suspendue",
  join_request: "/compte/rattachement",
  second_factor: "/compte/second-facteur/verification",
  second_factor_enrolment: "/compte/second-facteur/activation",
};

/** The gates that keep a `retour` path: the person goes on where they were going once past them. */
export const GATES_KEEPING_RETURN_PATH: readonly AccountGate[] = ["second_factor", "second_factor_enrolment"];

/**
 * `suspendedOrganizations`: how many of the person's organisations ANS suspended, out of `organizations` (issue 22).
 * An editor whose every organisation is suspended may sign in only to read the page saying so; one who belongs to no
 * organisation but asked to join one sees the page of their join requests.
 */
export function accountGate(
  user: { emailVerifiedAt: Date | null; mustChangePassword: boolean },
  memberships: { organizations: number; suspendedOrganizations: number; joinRequests?: number } = { organizations: 0, suspendedOrganizations: 0 },
  secondFactor: SecondFactorGate | null = null,
): AccountGate | null {
  if (user.mustChangePassword) return "change_password";
  if (user.emailVerifiedAt === null) return "verify_email";
  // After the password and the address, before anything else (issue 19).
  if (secondFactor) return secondFactor;
  if (memberships.organizations > 0 && memberships.suspendedOrganizations === memberships.organizations) return "organization_suspended";
  // An editor account made by signing up with a SIRET that had an organisation: it waits for the answer (issue 22).
  if (memberships.organizations === 0 && (memberships.joinRequests ?? 0) > 0) return "join_request";
  return null;
}
