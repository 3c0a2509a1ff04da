// Pure: the key material that seals TOTP secrets (ADR 0041). MFA_ENCRYPTION_KEY, required in production (lib/env.ts);
// outside production, when unset, a key derived from AUTH_SECRET stands in (tests, the seeds of a test database).
export function secondFactorKeyMaterial(settings: { MFA_ENCRYPTION_KEY?: string; AUTH_SECRET?: string }): string {
  if (settings.MFA_ENCRYPTION_KEY) return settings.MFA_ENCRYPTION_KEY;
  if (!settings.AUTH_SECRET) throw new Error("MFA_ENCRYPTION_KEY ou AUTH_SECRET requis pour chiffrer les seconds facteurs / required");
  return `auth-secret:${settings.AUTH_SECRET}`;
}
