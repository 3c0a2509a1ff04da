// Pure: what a signed-in account must do before anything else (ADR 0020, 0022). An account whose address is not
// confirmed, or whose password is a one-time password, is signed in but sees only the page that says what to do.

export type AccountGate = "change_password" | "verify_email";

export const GATE_PATHS: Record<AccountGate, string> = {
  change_password: "/compte/nouveau-mot-de-passe",
  verify_email: "/compte/adresse-a-confirmer",
};

export function accountGate(user: { emailVerifiedAt: Date | null; mustChangePassword: boolean }): AccountGate | null {
  if (user.mustChangePassword) return "change_password";
  if (user.emailVerifiedAt === null) return "verify_email";
  return null;
}
