import { z } from "zod";

// Pure: takes the variables, returns them typed or throws one message listing every problem (FR / EN).

/** The portal's public address, for links in mails. Read on its own too, by seeds that run before the rest is set. */
const authUrl = z.url("URL invalide / invalid URL").optional();

export const DEFAULT_MAIL_FROM = "Espace de confiance ROR <ne-pas-repondre@ror-espace-confiance.fr>";
const mailbox = z
  .string()
  .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/, "« Nom <adresse> » ou une adresse e-mail / \"Name <address>\" or an e-mail address");
const seconds = z.coerce.number("doit être un nombre / must be a number").positive("strictement positif / must be positive").max(30 * 24 * 3600, "au plus 30 jours / at most 30 days");
const days = z.coerce.number("doit être un nombre / must be a number").int("doit être un entier / must be an integer").min(1, "au moins 1 / at least 1").max(3650, "au plus 3650 / at most 3650");
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // What the deployment is, independent of NODE_ENV (which `npm start` and the tests set to production too).
  // `production` forbids what only a demo or a test may do.
  PORTAL_MODE: z.enum(["development", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "obligatoire / required" })
    .regex(/^postgres(ql)?:\/\//, "doit être une URL postgresql:// / must be a postgresql:// URL"),
  AUTH_SECRET: z
    .string({ error: "obligatoire / required" })
    .min(32, "au moins 32 caractères / at least 32 characters"),
  AUTH_URL: authUrl,
  // Seals the TOTP secrets at rest (issue 19, ADR 0041). Required in production; the embedded default generates one
  // into .data/mfa-encryption-key; elsewhere (tests) a key derived from AUTH_SECRET stands in.
  MFA_ENCRYPTION_KEY: z.string().min(32, "au moins 32 caractères / at least 32 characters").optional(),
  // Test-only: a shorter step-up window than the 10 minutes of a sensitive act (e2e); refused in production.
  STEP_UP_WINDOW_SECONDS: z.coerce.number("doit être un nombre / must be a number").int("doit être un entier / must be an integer").min(1, "au moins 1 / at least 1").max(600, "au plus 600 / at most 600").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "doit être une URL smtp:// ou smtps:// / must be an smtp:// or smtps:// URL")
    .optional(),
  // The State brand (Marianne, "République Française") is reserved for an ANS deployment.
  PORTAL_STATE_BRANDING: z.enum(["on", "off"]).default("off"),
  // The platform seal (PKCS#12 with key and certificate) that seals signed attestations, given inline in base64
  // or as a file path, with its passphrase. `npm start` generates a self-signed one when both are unset.
  SEAL_P12_BASE64: z
    .string()
    .regex(/^[A-Za-z0-9+/\s]+={0,2}\s*$/, "doit être du base64 / must be base64")
    .optional(),
  SEAL_P12_PATH: z.string().optional(),
  SEAL_P12_PASSPHRASE: z.string().optional(),
  // The sender of every e-mail, "Name <address>" or an address, and an optional Reply-To.
  MAIL_FROM: mailbox.default(DEFAULT_MAIL_FROM),
  MAIL_REPLY_TO: mailbox.optional(),
  // Temporary SMTP failures: first delay, longest delay and how long to keep retrying, in seconds (ADR 0017).
  MAIL_RETRY_FIRST_DELAY_SECONDS: seconds.optional(),
  MAIL_RETRY_MAX_DELAY_SECONDS: seconds.optional(),
  MAIL_RETRY_WINDOW_SECONDS: seconds.optional(),
  // The background worker runs inside `npm start` unless `off` (then run `npm run worker` separately).
  PORTAL_WORKER: z.enum(["on", "off"]).default("on"),
  // Jobs one worker runs at once.
  WORKER_CONCURRENCY: z.coerce.number("doit être un nombre / must be a number").int("doit être un entier / must be an integer").min(1, "au moins 1 / at least 1").max(100, "au plus 100 / at most 100").default(5),
  // How long the API call log and the personal data beside events (IP, user agent, typed e-mails) are kept.
  API_CALL_RETENTION_DAYS: days.default(90),
  PERSONAL_DATA_RETENTION_DAYS: days.default(365),
  // Calls per minute and API token on GET /api/v1/whitelist.
  WHITELIST_API_CALLS_PER_MINUTE: z.coerce
    .number("doit être un nombre / must be a number")
    .int("doit être un entier / must be an integer")
    .min(1, "au moins 1 / at least 1")
    .max(100_000, "au plus 100000 / at most 100000")
    .default(120),
  // Sign-ups, password recovery requests and invitation acceptances allowed per client address and hour, each
  // counted apart (ADR 0020).
  ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR: z.coerce
    .number("doit être un nombre / must be a number")
    .int("doit être un entier / must be an integer")
    .min(1, "au moins 1 / at least 1")
    .max(100_000, "au plus 100000 / at most 100000")
    .default(20),
  // How many reverse proxies in front of the portal append to X-Forwarded-For (ADR 0016). 0: the header is ignored
  // and the connection's peer address is the client's. deploy/ and production use 1.
  TRUSTED_PROXY_COUNT: z.coerce
    .number("doit être un nombre / must be a number")
    .int("doit être un entier / must be an integer")
    .min(0, "au moins 0 / at least 0")
    .max(10, "au plus 10 / at most 10")
    .default(0),
  // The development mailbox page /courriels (ADR 0004): `npm start` on the embedded database and the test harness
  // turn it on. Anyone who reaches the portal reads every queued message there, so production refuses it.
  MAIL_DEV_MAILBOX: z.enum(["on", "off"]).default("off"),
  // Test-only: webhook receivers on a loopback address (127.0.0.0/8, ::1) are allowed (ADR 0033). Production refuses it.
  WEBHOOK_ALLOW_LOOPBACK: z.enum(["on", "off"]).default("off"),
  // Webhook retries after a failed try: first delay, longest delay and for how long, in seconds (ADR 0032).
  WEBHOOK_RETRY_FIRST_DELAY_SECONDS: seconds.optional(),
  WEBHOOK_RETRY_MAX_DELAY_SECONDS: seconds.optional(),
  WEBHOOK_RETRY_WINDOW_SECONDS: seconds.optional(),
  // clamd's socket (ADR 0028): a path to its local socket, or tcp://host:port. Set: uploaded evidence and PDFs are
  // scanned, and refused when clamd cannot answer (fail closed). Unset: no scan.
  CLAMAV_SOCKET: z
    .string()
    .regex(/^(\/\S{1,200}|tcp:\/\/[A-Za-z0-9.-]{1,200}:\d{1,5})$/, "chemin absolu d'un socket ou tcp://hôte:port / absolute socket path or tcp://host:port")
    .optional(),
  // The company register (issue 22, ADR 0049): the open "recherche d'entreprises" API (or a server answering its
  // format), e.g. https://recherche-entreprises.api.gouv.fr. Unset: no lookup, the reviewer sees "registre non consulté".
  SIRENE_API_URL: z.url("URL invalide / invalid URL").regex(/^https?:\/\//, "http(s):// attendu / http(s):// expected").optional(),
  // Sent as the X-Client-Secret header when the register needs a key (INSEE's gateway does; the open API does not).
  SIRENE_API_KEY: z.string().min(1).max(500).optional(),
  // Multiplies every per-address limit of the anonymous endpoints (ADR 0027): 1 in production; the Playwright
  // server's first instance, which every spec reaches from 127.0.0.1, raises it.
  ANONYMOUS_LIMITS_MULTIPLIER: z.coerce
    .number("doit être un nombre / must be a number")
    .int("doit être un entier / must be an integer")
    .min(1, "au moins 1 / at least 1")
    .max(1000, "au plus 1000 / at most 1000")
    .default(1),
  // Where the gateway installs the CA bundle, written into the generated nginx configuration.
  GATEWAY_CA_BUNDLE_DIR: z
    .string()
    .regex(/^\/[A-Za-z0-9._/-]{0,200}$/, "chemin absolu fait de lettres, chiffres, . _ - et / / absolute path of letters, digits, . _ - and /")
    .optional(),
  // `on` loads the demo accounts into an external database (`npm start`); production refuses it.
  PORTAL_DEMO_DATA: z.enum(["on", "off"]).default("off"),
  // The bearer token Prometheus presents to GET /api/metrics; unset, the endpoint answers 404 (ADR 0025).
  METRICS_TOKEN: z.string().min(32, "au moins 32 caractères / at least 32 characters").optional(),
  // Minimum level of the JSON logs on standard output (ADR 0025).
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"], "fatal, error, warn, info, debug ou silent").default("info"),
  // OpenTelemetry: traces are exported over OTLP/HTTP to this collector when set, and the SDK is not loaded otherwise.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url("URL invalide / invalid URL").optional(),
  OTEL_SERVICE_NAME: z.string().max(100).default("ror-espace-confiance"),
  // ProConnect (OpenID Connect, ADR 0044): the issuer, and the portal's client at it. All three or none. The issuer
  // is https://, or http:// on a loopback address only (the tests' local provider).
  PROCONNECT_ISSUER: z
    .url("URL invalide / invalid URL")
    .refine(
      (value) => /^https:\/\//i.test(value) || /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d+)?(\/|$)/i.test(value),
      "doit commencer par https:// (http:// seulement sur une adresse de bouclage) / must be https:// (http:// on loopback only)",
    )
    .optional(),
  PROCONNECT_CLIENT_ID: z.string().min(1).max(500).optional(),
  PROCONNECT_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  // The acr values requested for ANS staff (space-separated, most preferred first), e.g. `eidas2 eidas3`; the returned
  // `acr` must be one of them for an ANS account to sign in. Unset: ANS accounts cannot sign in with ProConnect.
  PROCONNECT_ACR_VALUES: z
    .string()
    .regex(/^[A-Za-z0-9._:/-]+( [A-Za-z0-9._:/-]+)*$/, "valeurs séparées par des espaces / space-separated values")
    .optional(),
}).superRefine((value, context) => {
  const proConnect = [value.PROCONNECT_ISSUER, value.PROCONNECT_CLIENT_ID, value.PROCONNECT_CLIENT_SECRET];
  if (proConnect.some((v) => v !== undefined) && proConnect.some((v) => v === undefined)) {
    for (const [name, v] of [["PROCONNECT_ISSUER", value.PROCONNECT_ISSUER], ["PROCONNECT_CLIENT_ID", value.PROCONNECT_CLIENT_ID], ["PROCONNECT_CLIENT_SECRET", value.PROCONNECT_CLIENT_SECRET]] as const) {
      if (v === undefined) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: "PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET vont ensemble : les trois ou aucun / all three or none",
        });
      }
    }
  }
  if (value.SEAL_P12_BASE64 && value.SEAL_P12_PATH) {
    context.addIssue({
      code: "custom",
      path: ["SEAL_P12_PATH"],
      message: "SEAL_P12_BASE64 ou SEAL_P12_PATH, pas les deux / not both",
    });
  }
  if ((value.SEAL_P12_BASE64 || value.SEAL_P12_PATH) && value.SEAL_P12_PASSPHRASE === undefined) {
    context.addIssue({
      code: "custom",
      path: ["SEAL_P12_PASSPHRASE"],
      message: "obligatoire avec le certificat de cachet / required with the seal certificate",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      "Configuration invalide / invalid configuration:\n" + problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "silent"] as const;

/** LOG_LEVEL alone, for the logger, which must work before (and to report that) the rest is valid: info when unset or wrong. */
export function parseLogLevel(value: string | undefined): (typeof LOG_LEVELS)[number] {
  return (LOG_LEVELS as readonly string[]).includes(value ?? "") ? (value as (typeof LOG_LEVELS)[number]) : "info";
}

/** AUTH_URL alone, with the rule of the whole environment. */
export function parseAuthUrl(value: string | undefined): string | undefined {
  const result = authUrl.safeParse(value === "" ? undefined : value);
  if (!result.success) throw new EnvError([`AUTH_URL: ${result.error.issues[0]!.message}`]);
  return result.data;
}

type RawSettings = Readonly<Record<string, string>>;

/**
 * What `PORTAL_MODE=production` demands, in one list (ADR 0023): each entry names its setting and says, in French
 * then English, what is wrong with the raw value, or null. A deployment that forgets one refuses to start, one line
 * per problem. An issue that makes a setting mandatory in production adds its entry here.
 */
export const PRODUCTION_REQUIREMENTS: readonly { setting: string; problem: (raw: RawSettings) => string | null }[] = [
  { setting: "DATABASE_URL", problem: (raw) => (raw.DATABASE_URL ? null : "obligatoire : l'adresse du serveur PostgreSQL / required") },
  { setting: "AUTH_SECRET", problem: (raw) => (raw.AUTH_SECRET ? null : "obligatoire : au moins 32 caractères aléatoires / required") },
  {
    setting: "MFA_ENCRYPTION_KEY",
    problem: (raw) => (raw.MFA_ENCRYPTION_KEY ? null : "obligatoire : au moins 32 caractères aléatoires, qui chiffrent les secrets des seconds facteurs / required"),
  },
  {
    setting: "STEP_UP_WINDOW_SECONDS",
    problem: (raw) => (raw.STEP_UP_WINDOW_SECONDS !== undefined ? "interdit en production : réservé aux tests / forbidden in production" : null),
  },
  {
    setting: "AUTH_URL",
    problem: (raw) =>
      !raw.AUTH_URL
        ? "obligatoire : l'adresse publique du portail en https://, d'où viennent les liens des courriels / required (https)"
        : /^https:\/\//i.test(raw.AUTH_URL)
          ? null
          : "doit commencer par https:// en production / must be an https:// URL in production",
  },
  {
    setting: "SEAL_P12_BASE64 ou SEAL_P12_PATH",
    problem: (raw) =>
      raw.SEAL_P12_BASE64 || raw.SEAL_P12_PATH
        ? null
        : "obligatoire : le cachet de la plateforme (PKCS#12), jamais généré en production / required, never generated in production",
  },
  { setting: "SEAL_P12_PASSPHRASE", problem: (raw) => (raw.SEAL_P12_PASSPHRASE !== undefined ? null : "obligatoire : la phrase de passe du cachet / required") },
  { setting: "SMTP_URL", problem: (raw) => (raw.SMTP_URL ? null : "obligatoire : le serveur d'envoi des courriels, smtp:// ou smtps:// / required") },
  { setting: "MAIL_FROM", problem: (raw) => (raw.MAIL_FROM ? null : "obligatoire : l'expéditeur des courriels, « Nom <adresse> » / required") },
  {
    setting: "TRUSTED_PROXY_COUNT",
    problem: (raw) =>
      raw.TRUSTED_PROXY_COUNT !== undefined && Number(raw.TRUSTED_PROXY_COUNT) >= 1
        ? null
        : "au moins 1 en production : le portail n'est joignable que par le proxy inverse / at least 1 in production",
  },
  { setting: "METRICS_TOKEN", problem: (raw) => (raw.METRICS_TOKEN ? null : "obligatoire : le jeton que présente Prometheus à /api/metrics / required") },
  {
    setting: "PORTAL_DEMO_DATA",
    problem: (raw) => (raw.PORTAL_DEMO_DATA === "on" ? "interdit en production : les comptes de démonstration ont un mot de passe public / forbidden in production" : null),
  },
  {
    setting: "MAIL_DEV_MAILBOX",
    problem: (raw) =>
      raw.MAIL_DEV_MAILBOX === "on" ? "interdit avec PORTAL_MODE=production : la boîte de développement publierait les courriels / forbidden in production" : null,
  },  {
    setting: "WEBHOOK_ALLOW_LOOPBACK",
    problem: (raw) =>
      raw.WEBHOOK_ALLOW_LOOPBACK === "on" ? "interdit avec PORTAL_MODE=production : les webhooks pourraient viser la machine elle-même / forbidden in production" : null,
  },
];

/** The lines of what production mode refuses in these settings; empty outside production mode. */
export function productionProblems(raw: RawSettings): string[] {
  if (raw.PORTAL_MODE !== "production") return [];
  return PRODUCTION_REQUIREMENTS.flatMap(({ setting, problem }) => {
    const line = problem(raw);
    return line ? [`${setting}: ${line}`] : [];
  });
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
  const problems = productionProblems(cleaned);
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    // A setting production mode already names is named once.
    const named = new Set(problems.map((line) => line.slice(0, line.indexOf(":"))));
    for (const issue of result.error.issues) {
      const setting = issue.path.join(".");
      if (!named.has(setting) && ![...named].some((n) => n.split(" ou ").includes(setting))) problems.push(`${setting}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new EnvError(problems);
  return result.data!;
}
