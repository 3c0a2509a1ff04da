// Pure rules about legal representatives ("représentants légaux") of an organisation.

export type MembershipRole = { id: string; userId: string; isLegalRepresentative: boolean };

export const LAST_LEGAL_REPRESENTATIVE =
  "L'organisation doit garder au moins un représentant légal. Désignez d'abord un autre représentant légal.";

/**
 * Whether taking the legal-representative role away from `membershipId` (by removing the role or the
 * member) would leave an organisation that had one without any. Returns the French reason, or null.
 */
export function lastLegalRepresentativeProblem(memberships: readonly MembershipRole[], membershipId: string): string | null {
  const target = memberships.find((m) => m.id === membershipId);
  if (!target?.isLegalRepresentative) return null;
  const remaining = memberships.filter((m) => m.isLegalRepresentative && m.id !== membershipId).length;
  return remaining === 0 ? LAST_LEGAL_REPRESENTATIVE : null;
}

/**
 * Who may invite someone as legal representative: a legal representative; or, while the organisation has
 * none at all (its creator did not declare being one), any member, so that the first one can join.
 */
export function mayOfferLegalRepresentative(actorIsLegalRepresentative: boolean, organizationHasLegalRepresentative: boolean): boolean {
  return actorIsLegalRepresentative || !organizationHasLegalRepresentative;
}

export function membershipRoleLabel(isLegalRepresentative: boolean): string {
  return isLegalRepresentative ? "Représentant légal" : "Membre de l'équipe";
}
