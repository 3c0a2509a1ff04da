// Pure: what a signed-in account must do before anything else (ADR 0020, 0022). An account whose address is not
// confirmed, or whose password is a one-time password, is signed in but sees only the page that says what to do.

export type AccountGate = "change_password" | "verify_email" | "organization_suspended";

export const GATE_PATHS: Record<AccountGate, string> = {
  change_password: "/compte/nouveau-mot-de-passe",
  verify_email: "/compte/adresse-a-confirmer",
  organization_suspended: "/compte/organisation-suspendue",
};

/**
 * `suspendedOrganizations`: how many of the person's organisations ANS suspended, out of `organizations` (issue 22).
 * An editor whose every organisation is suspended may sign in only to read the page saying so.
 */
export function accountGate(
  user: { emailVerifiedAt: Date | null; mustChangePassword: boolean },
  memberships: { organizations: number; suspendedOrganizations: number } = { organizations: 0, suspendedOrganizations: 0 },
): AccountGate | null {
  if (user.mustChangePassword) return "change_password";
  if (user.emailVerifiedAt === null) return "verify_email";
  if (memberships.organizations > 0 && memberships.suspendedOrganizations === memberships.organizations) return "organization_suspended";
  return null;
}
