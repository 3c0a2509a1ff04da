import { z } from "zod";
import type { PlatformRole } from "./permissions";

// ProConnect (OpenID Connect) sign-in, the pure part (ADR 0044): the settings, the claims the portal reads, the acr
// rule, and the French words for every way a sign-in can fail. No I/O here; the flow is in proconnect.server.ts.

export type ProConnectConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The acr values requested, most preferred first; an ANS account's sign-in must return one of them. */
  acrValues: readonly string[];
};

type ProConnectSettings = {
  PROCONNECT_ISSUER?: string;
  PROCONNECT_CLIENT_ID?: string;
  PROCONNECT_CLIENT_SECRET?: string;
  PROCONNECT_ACR_VALUES?: string;
};

/** The configuration, or null when ProConnect is off (the three settings go together; lib/env.ts refuses half of them). */
export function proConnectConfig(settings: ProConnectSettings): ProConnectConfig | null {
  const { PROCONNECT_ISSUER: issuer, PROCONNECT_CLIENT_ID: clientId, PROCONNECT_CLIENT_SECRET: clientSecret } = settings;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, acrValues: (settings.PROCONNECT_ACR_VALUES ?? "").split(" ").filter(Boolean) };
}

/** The scopes the portal asks for: ProConnect's names for the e-mail, the names and the organisation's SIRET. */
export const PROCONNECT_SCOPES = "openid email given_name usual_name siret";

/** How long a sign-in may stay at the provider, and then how long its claims wait for a link or a sign-up. */
export const PROCONNECT_ATTEMPT_SECONDS = 15 * 60;

/** The claims the portal keeps from one sign-in, checked. */
export type ProConnectClaims = {
  sub: string;
  email: string;
  givenName: string;
  usualName: string;
  siret: string | null;
  acr: string | null;
};

const claimText = z.string().trim().min(1).max(300);
const userInfoSchema = z.object({
  sub: claimText,
  email: z.email().max(254),
  given_name: claimText,
  usual_name: claimText,
  siret: z.string().trim().optional().nullable(),
});

export type ProConnectFailure =
  | "not_configured"
  | "provider_unavailable"
  | "provider_error"
  | "unknown_attempt"
  | "state_mismatch"
  | "replayed"
  | "invalid_token"
  | "expired_token"
  | "invalid_claims"
  | "missing_siret"
  | "acr_too_low"
  | "account_unavailable";

/** What the person reads when a ProConnect sign-in fails. None of them names an account. */
export const PROCONNECT_FAILURE_MESSAGES: Record<ProConnectFailure, string> = {
  not_configured: "La connexion avec ProConnect n'est pas disponible sur ce portail.",
  provider_unavailable: "ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre mot de passe.",
  provider_error: "ProConnect n'a pas autorisé la connexion. Recommencez depuis la page de connexion.",
  unknown_attempt: "Cette connexion ProConnect a expiré ou n'a pas été commencée sur ce navigateur. Recommencez depuis la page de connexion.",
  state_mismatch: "La réponse de ProConnect ne correspond pas à la connexion commencée sur ce navigateur. Recommencez depuis la page de connexion.",
  replayed: "Cette réponse de ProConnect a déjà servi. Recommencez depuis la page de connexion.",
  invalid_token: "La réponse de ProConnect n'a pas pu être vérifiée. Recommencez depuis la page de connexion.",
  expired_token: "La réponse de ProConnect a expiré. Recommencez depuis la page de connexion.",
  invalid_claims: "ProConnect n'a pas transmis votre adresse e-mail, votre prénom et votre nom. Recommencez ou connectez-vous avec votre mot de passe.",
  missing_siret:
    "ProConnect n'a pas transmis le SIRET de votre organisation : il est nécessaire pour vous connecter à l'espace de confiance. Vérifiez votre organisation auprès de ProConnect, ou connectez-vous avec votre mot de passe.",
  acr_too_low:
    "Les comptes de l'ANS doivent se connecter avec ProConnect en utilisant une authentification à plusieurs facteurs. Recommencez en choisissant une méthode à plusieurs facteurs.",
  account_unavailable: "Ce compte ne peut pas se connecter. Contactez l'ANS si vous pensez qu'il s'agit d'une erreur.",
};

export type ClaimsReading = { ok: true; claims: ProConnectClaims } | { ok: false; reason: "invalid_claims" | "missing_siret" };

/**
 * Reads the user info answer (its `sub` already checked against the ID token's) and the ID token's `acr`. A SIRET
 * claim that is missing, empty or not 14 digits is refused: it is how an editor's organisation is known.
 */
export function readProConnectClaims(userInfo: unknown, acr: unknown): ClaimsReading {
  const parsed = userInfoSchema.safeParse(userInfo);
  if (!parsed.success) return { ok: false, reason: "invalid_claims" };
  const siret = parsed.data.siret?.replace(/\s/g, "") ?? "";
  // Its shape only: the claim comes from the State's company directory, and lib/organizations (which imports lib/auth)
  // owns the checksum rules.
  if (!/^\d{14}$/.test(siret)) return { ok: false, reason: "missing_siret" };
  return {
    ok: true,
    claims: {
      sub: parsed.data.sub,
      email: parsed.data.email.toLowerCase(),
      givenName: parsed.data.given_name,
      usualName: parsed.data.usual_name,
      siret,
      acr: typeof acr === "string" && acr.length > 0 ? acr : null,
    },
  };
}

const ANS_ROLES: readonly PlatformRole[] = ["ANS_REVIEWER", "ANS_ADMIN"];

export function isAnsAccount(roles: readonly PlatformRole[]): boolean {
  return roles.some((role) => ANS_ROLES.includes(role));
}

/** The returned acr is one the portal asked for. No configured acr values: nothing satisfies. */
export function acrMeetsConfiguration(acr: string | null, config: Pick<ProConnectConfig, "acrValues">): boolean {
  return acr !== null && config.acrValues.includes(acr);
}

/**
 * An ANS account linked to ProConnect whose sign-in meets the configured acr counts as having passed its second
 * factor (issue 20). The one place that decides it; the second-factor gate reads the session's mark it sets.
 */
export function proConnectSatisfiesSecondFactor(
  claims: Pick<ProConnectClaims, "acr">,
  config: Pick<ProConnectConfig, "acrValues">,
  account: { roles: readonly PlatformRole[] },
): boolean {
  return isAnsAccount(account.roles) && acrMeetsConfiguration(claims.acr, config);
}

/** An ANS account may sign in with ProConnect only at the configured acr; editors at any. */
export function acrAllowsSignIn(claims: Pick<ProConnectClaims, "acr">, config: Pick<ProConnectConfig, "acrValues">, account: { roles: readonly PlatformRole[] }): boolean {
  return !isAnsAccount(account.roles) || acrMeetsConfiguration(claims.acr, config);
}

/** The display name the portal stores: "given_name usual_name". */
export function proConnectDisplayName(claims: Pick<ProConnectClaims, "givenName" | "usualName">): string {
  return `${claims.givenName} ${claims.usualName}`.replace(/\s+/g, " ").trim();
}

/** The claims kept on an attempt between the callback and the link or sign-up (JSON in the database). */
export const storedClaimsSchema = z.object({
  sub: z.string(),
  email: z.string(),
  givenName: z.string(),
  usualName: z.string(),
  siret: z.string().nullable(),
  acr: z.string().nullable(),
});
