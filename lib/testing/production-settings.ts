// A complete production environment (PORTAL_MODE=production) with placeholder values, for the tests of what the
// production start refuses: each test removes or spoils one setting (lib/env.ts, PRODUCTION_REQUIREMENTS).
export const PRODUCTION_SETTINGS = {
  PORTAL_MODE: "production",
  DATABASE_URL: "postgresql://ror:mot-de-passe@db.exemple.fr:5432/ror",
  AUTH_SECRET: "s".repeat(48),
  MFA_ENCRYPTION_KEY: "f".repeat(48),
  AUTH_URL: "https://portail.exemple.fr",
  SEAL_P12_PATH: "/etc/ror/cachet.p12",
  SEAL_P12_PASSPHRASE: "phrase du cachet",
  SMTP_URL: "smtp://smtp.exemple.fr:587",
  MAIL_FROM: "Espace de confiance ROR <ne-pas-repondre@exemple.fr>",
  TRUSTED_PROXY_COUNT: "1",
  METRICS_TOKEN: "m".repeat(40),
} as const satisfies Record<string, string>;

/** The settings production requires, each with what the tests remove it for, and the line the refusal must print. */
export const REQUIRED_IN_PRODUCTION: readonly { unset: (keyof typeof PRODUCTION_SETTINGS)[]; line: RegExp }[] = [
  { unset: ["DATABASE_URL"], line: /^ {2}- DATABASE_URL: obligatoire/m },
  { unset: ["AUTH_SECRET"], line: /^ {2}- AUTH_SECRET: obligatoire/m },
  { unset: ["MFA_ENCRYPTION_KEY"], line: /^ {2}- MFA_ENCRYPTION_KEY: obligatoire/m },
  { unset: ["AUTH_URL"], line: /^ {2}- AUTH_URL: obligatoire .*https/m },
  { unset: ["SEAL_P12_PATH"], line: /^ {2}- SEAL_P12_BASE64 ou SEAL_P12_PATH: obligatoire/m },
  { unset: ["SEAL_P12_PASSPHRASE"], line: /^ {2}- SEAL_P12_PASSPHRASE: obligatoire/m },
  { unset: ["SMTP_URL"], line: /^ {2}- SMTP_URL: obligatoire/m },
  { unset: ["MAIL_FROM"], line: /^ {2}- MAIL_FROM: obligatoire/m },
  { unset: ["TRUSTED_PROXY_COUNT"], line: /^ {2}- TRUSTED_PROXY_COUNT: au moins 1 en production/m },
  { unset: ["METRICS_TOKEN"], line: /^ {2}- METRICS_TOKEN: obligatoire/m },
];

/** Settings production refuses outright, with the line of the refusal. */
export const REFUSED_IN_PRODUCTION: readonly { set: Record<string, string>; line: RegExp }[] = [
  { set: { AUTH_URL: "http://portail.exemple.fr" }, line: /^ {2}- AUTH_URL: doit commencer par https:\/\//m },
  { set: { STEP_UP_WINDOW_SECONDS: "15" }, line: /^ {2}- STEP_UP_WINDOW_SECONDS: interdit en production/m },
  { set: { TRUSTED_PROXY_COUNT: "0" }, line: /^ {2}- TRUSTED_PROXY_COUNT: au moins 1 en production/m },
  { set: { PORTAL_DEMO_DATA: "on" }, line: /^ {2}- PORTAL_DEMO_DATA: interdit en production/m },
  { set: { MAIL_DEV_MAILBOX: "on" }, line: /^ {2}- MAIL_DEV_MAILBOX: interdit avec PORTAL_MODE=production/m },
  { set: { WEBHOOK_ALLOW_LOOPBACK: "on" }, line: /^ {2}- WEBHOOK_ALLOW_LOOPBACK: interdit avec PORTAL_MODE=production/m },
];

export function productionSettingsWithout(keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(PRODUCTION_SETTINGS).filter(([key]) => !keys.includes(key)));
}
