import "server-only";
// Whether an account must have a second factor, and whether it has one, read from the database (issue 19, ADR 0041):
// the sign-in step and the removal of a factor ask the same question.
import { db, type Tx } from "../db.server";
import { hasAnyFactor, requiredByAnOrganization, secondFactorRequired, type FactorInventory } from "./policy";

/** `requiredBy`: why the account must keep a factor (its ANS role first), null when it need not. */
export type SecondFactorStanding = { required: boolean; enrolled: boolean; requiredBy: "ans_role" | "organization" | null; factors: FactorInventory };

const standingSelect = {
  roles: true,
  totpFactor: { select: { confirmedAt: true } },
  _count: { select: { passkeys: true } },
  memberships: { select: { organization: { select: { requireSecondFactor: true } } } },
} as const;

/** Null when no such account. `where` by id, or by the e-mail key the sign-in form looks up. */
export async function secondFactorStanding(where: { id: string } | { email: string }, tx: Tx = db()): Promise<SecondFactorStanding | null> {
  const user = await tx.user.findUnique({ where, select: standingSelect });
  if (!user) return null;
  const byOrganization = requiredByAnOrganization(user.memberships);
  const byRole = secondFactorRequired(user.roles);
  const factors = { totp: Boolean(user.totpFactor?.confirmedAt), passkeys: user._count.passkeys };
  return {
    required: secondFactorRequired(user.roles, byOrganization),
    // The app or a passkey (ADR 0060): either one takes the account to the code step.
    enrolled: hasAnyFactor(factors),
    requiredBy: byRole ? "ans_role" : byOrganization ? "organization" : null,
    factors,
  };
}
