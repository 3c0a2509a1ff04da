// Pure: whether a session's last second-factor check is fresh enough for a sensitive act (issue 19, ADR 0041).

export const STEP_UP_SECONDS = 10 * 60;

export function stepUpIsFresh(secondFactorAt: Date | null, now: Date, windowSeconds: number = STEP_UP_SECONDS): boolean {
  if (!secondFactorAt) return false;
  const age = now.getTime() - secondFactorAt.getTime();
  // A check dated in the future (clock skew between instances) counts as made now, never as forever fresh.
  return age < windowSeconds * 1000 && age > -60_000;
}

export const STEP_UP_MESSAGE = "Cette action demande de confirmer votre identité : saisissez un code de votre application d'authentification ou utilisez une clé d'accès (vérification de moins de 10 minutes).";
