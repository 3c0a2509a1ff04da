// Pure: the words and values several areas share, defined once. Safe for the browser (imports nothing).

/** The two environments of the trust space, in this order everywhere. */
export const ENVIRONMENTS = ["TEST", "PRODUCTION"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** In tables and badges. */
export const ENVIRONMENT_LABELS: Record<Environment, string> = { TEST: "Test", PRODUCTION: "Production" };
/** As a heading or a field's option. */
export const ENVIRONMENT_TITLES: Record<Environment, string> = { TEST: "Environnement de test", PRODUCTION: "Environnement de production" };
/** Inside a sentence: "le bundle de l'environnement de test". */
export const ENVIRONMENT_NAMES: Record<Environment, string> = { TEST: "l'environnement de test", PRODUCTION: "l'environnement de production" };

/** How a certificate is named wherever it travels (grants, the whitelist, the gateway): dates as ISO strings. */
export type CertificateIdentity = {
  fingerprintSha256: string;
  fingerprintSha1: string;
  subjectDn: string;
  issuerDn: string;
  notBefore: string;
  notAfter: string;
};

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Every quota, level 1 or 2, in calls per second: the catalogue's defaults, reviewers' grants, the gateway's limits. */
export const QUOTA_MIN = 1;
export const QUOTA_MAX = 1000;
export const QUOTA_RANGE_MESSAGE = `Saisissez un nombre entier d'appels par seconde compris entre ${QUOTA_MIN} et ${QUOTA_MAX}.`;

const frenchPlurals = new Intl.PluralRules("fr-FR");

/** "1 certificat", "0 certificat", "3 certificats": French counts 0 and 1 as singular. */
export function plural(count: number, singular: string, several: string): string {
  return `${count.toLocaleString("fr-FR")} ${frenchPlurals.select(count) === "one" ? singular : several}`;
}

/** "de" before a word, elided before a vowel or a mute h: "d'Orientation Plus", "de Santé Numérique". */
export function ofWord(word: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(word.trim()) ? `d'${word.trim()}` : `de ${word.trim()}`;
}

/**
 * An access profile as a person reads it: its catalogue label ("Profil 2 — données restreintes"), which names it
 * already; a label that does not name its code gets "Profil <code> — " before it.
 */
export function profileName(code: string, label: string): string {
  const named = new RegExp(`^\\s*profil\\s+${code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu").test(label);
  return named ? label : `Profil ${code} — ${label}`;
}
