import { describe, expect, it } from "vitest";
import { EnvError, parseAuthUrl, parseEnv, PRODUCTION_REQUIREMENTS } from "./env";
import { PRODUCTION_SETTINGS, productionSettingsWithout, REFUSED_IN_PRODUCTION, REQUIRED_IN_PRODUCTION } from "./testing/production-settings";

const valid = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/ror",
  AUTH_SECRET: "x".repeat(32),
};

describe("parseEnv", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.NODE_ENV).toBe("development");
    expect(env.PORTAL_STATE_BRANDING).toBe("off");
  });

  it("names every missing or malformed variable", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", SMTP_URL: "http://mail" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message).toContain("DATABASE_URL: doit être une URL postgresql://");
      expect(message).toContain("AUTH_SECRET: obligatoire");
      expect(message).toContain("SMTP_URL");
    }
  });

  it("reads the whitelist API limit and the gateway's CA directory once, with the rules every module uses", () => {
    expect(parseEnv(valid).WHITELIST_API_CALLS_PER_MINUTE).toBe(120);
    expect(parseEnv({ ...valid, WHITELIST_API_CALLS_PER_MINUTE: "5" }).WHITELIST_API_CALLS_PER_MINUTE).toBe(5);
    expect(() => parseEnv({ ...valid, WHITELIST_API_CALLS_PER_MINUTE: "0" })).toThrow(/WHITELIST_API_CALLS_PER_MINUTE/);
    expect(parseEnv({ ...valid, GATEWAY_CA_BUNDLE_DIR: "/etc/nginx/ror-test" }).GATEWAY_CA_BUNDLE_DIR).toBe("/etc/nginx/ror-test");
    expect(() => parseEnv({ ...valid, GATEWAY_CA_BUNDLE_DIR: "/etc/nginx/$host" })).toThrow(/GATEWAY_CA_BUNDLE_DIR/);
  });

  it("reads the per-address limit of sign-ups, recovery requests and invitation acceptances", () => {
    expect(parseEnv(valid).ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR).toBe(20);
    expect(parseEnv({ ...valid, ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR: "500" }).ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR).toBe(500);
    expect(() => parseEnv({ ...valid, ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR: "0" })).toThrow(/ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR/);
  });

  it("reads AUTH_URL on its own with the same rule, for links queued before the rest is set", () => {
    expect(parseAuthUrl(undefined)).toBeUndefined();
    expect(parseAuthUrl("")).toBeUndefined();
    expect(parseAuthUrl("https://portail.exemple.fr")).toBe("https://portail.exemple.fr");
    expect(() => parseAuthUrl("pas une url")).toThrow(/AUTH_URL/);
  });

  it("treats empty strings as unset", () => {
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET/);
  });

  it("takes the platform seal inline or from a file, always with its passphrase", () => {
    const env = parseEnv({ ...valid, SEAL_P12_BASE64: "MIIK+w==", SEAL_P12_PASSPHRASE: "secret" });
    expect(env.SEAL_P12_BASE64).toBe("MIIK+w==");
    expect(parseEnv({ ...valid, SEAL_P12_PATH: "/etc/ror/seal.p12", SEAL_P12_PASSPHRASE: "x" }).SEAL_P12_PATH).toBe(
      "/etc/ror/seal.p12",
    );
    expect(() => parseEnv({ ...valid, SEAL_P12_PATH: "/etc/ror/seal.p12" })).toThrow(/SEAL_P12_PASSPHRASE: obligatoire/);
    expect(() =>
      parseEnv({ ...valid, SEAL_P12_PATH: "/a.p12", SEAL_P12_BASE64: "MIIK", SEAL_P12_PASSPHRASE: "x" }),
    ).toThrow(/pas les deux/);
    expect(() => parseEnv({ ...valid, SEAL_P12_BASE64: "pas du base64 !", SEAL_P12_PASSPHRASE: "x" })).toThrow(
      /SEAL_P12_BASE64: doit être du base64/,
    );
  });

  it("checks the whitelist settings", () => {
    const env = parseEnv({ ...valid, WHITELIST_API_CALLS_PER_MINUTE: "240", GATEWAY_CA_BUNDLE_DIR: "/etc/nginx/ror" });
    expect(env).toMatchObject({ WHITELIST_API_CALLS_PER_MINUTE: 240, GATEWAY_CA_BUNDLE_DIR: "/etc/nginx/ror" });
    expect(() => parseEnv({ ...valid, WHITELIST_API_CALLS_PER_MINUTE: "0" })).toThrow(/WHITELIST_API_CALLS_PER_MINUTE: au moins 1/);
    expect(() => parseEnv({ ...valid, WHITELIST_API_CALLS_PER_MINUTE: "beaucoup" })).toThrow(/WHITELIST_API_CALLS_PER_MINUTE/);
    expect(() => parseEnv({ ...valid, GATEWAY_CA_BUNDLE_DIR: "etc/nginx; include /tmp/x" })).toThrow(/GATEWAY_CA_BUNDLE_DIR/);
  });

  it("reads the number of trusted proxies, 0 by default", () => {
    expect(parseEnv(valid).TRUSTED_PROXY_COUNT).toBe(0);
    expect(parseEnv({ ...valid, TRUSTED_PROXY_COUNT: "1" }).TRUSTED_PROXY_COUNT).toBe(1);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXY_COUNT: "-1" })).toThrow(/TRUSTED_PROXY_COUNT: au moins 0/);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXY_COUNT: "1.5" })).toThrow(/TRUSTED_PROXY_COUNT: doit être un entier/);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXY_COUNT: "tous" })).toThrow(/TRUSTED_PROXY_COUNT/);
  });

  it("keeps the development mailbox off by default and refuses it in production mode, whatever NODE_ENV says", () => {
    expect(parseEnv(valid)).toMatchObject({ MAIL_DEV_MAILBOX: "off", PORTAL_MODE: "development" });
    expect(parseEnv({ ...valid, NODE_ENV: "production", MAIL_DEV_MAILBOX: "on" }).MAIL_DEV_MAILBOX).toBe("on");
    expect(parseEnv(PRODUCTION_SETTINGS).MAIL_DEV_MAILBOX).toBe("off");
    expect(() => parseEnv({ ...PRODUCTION_SETTINGS, MAIL_DEV_MAILBOX: "on" })).toThrow(/MAIL_DEV_MAILBOX: interdit avec PORTAL_MODE=production/);
    expect(() => parseEnv({ ...valid, MAIL_DEV_MAILBOX: "oui" })).toThrow(/MAIL_DEV_MAILBOX/);
    expect(() => parseEnv({ ...valid, PORTAL_MODE: "prod" })).toThrow(/PORTAL_MODE/);
  });

  it("checks the mail, worker and retention settings", () => {
    const defaults = parseEnv(valid);
    expect(defaults).toMatchObject({ MAIL_FROM: "Espace de confiance ROR <ne-pas-repondre@ror-espace-confiance.fr>", PORTAL_WORKER: "on", WORKER_CONCURRENCY: 5, API_CALL_RETENTION_DAYS: 90, PERSONAL_DATA_RETENTION_DAYS: 365 });
    expect(defaults.MAIL_REPLY_TO).toBeUndefined();
    const env = parseEnv({ ...valid, MAIL_FROM: "Portail ROR <portail@ans.fr>", MAIL_REPLY_TO: "support@ans.fr", MAIL_RETRY_WINDOW_SECONDS: "2.5", PORTAL_WORKER: "off", API_CALL_RETENTION_DAYS: "30" });
    expect(env).toMatchObject({ MAIL_FROM: "Portail ROR <portail@ans.fr>", MAIL_REPLY_TO: "support@ans.fr", MAIL_RETRY_WINDOW_SECONDS: 2.5, PORTAL_WORKER: "off", API_CALL_RETENTION_DAYS: 30 });
    expect(() => parseEnv({ ...valid, MAIL_FROM: "Portail\r\nBcc: x@y.fr <a@b.fr>" })).toThrow(/MAIL_FROM/);
    expect(() => parseEnv({ ...valid, MAIL_REPLY_TO: "pas une adresse" })).toThrow(/MAIL_REPLY_TO/);
    expect(() => parseEnv({ ...valid, MAIL_RETRY_FIRST_DELAY_SECONDS: "0" })).toThrow(/MAIL_RETRY_FIRST_DELAY_SECONDS/);
    expect(() => parseEnv({ ...valid, PERSONAL_DATA_RETENTION_DAYS: "0" })).toThrow(/PERSONAL_DATA_RETENTION_DAYS: au moins 1/);
    expect(() => parseEnv({ ...valid, WORKER_CONCURRENCY: "1000" })).toThrow(/WORKER_CONCURRENCY/);
  });
});

function problemsOf(settings: Record<string, string>): string[] {
  try {
    parseEnv(settings);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
}

describe("production mode (PORTAL_MODE=production)", () => {
  it("accepts a complete production environment", () => {
    expect(parseEnv(PRODUCTION_SETTINGS)).toMatchObject({ PORTAL_MODE: "production", TRUSTED_PROXY_COUNT: 1, MAIL_DEV_MAILBOX: "off", PORTAL_DEMO_DATA: "off" });
  });

  it.each(REQUIRED_IN_PRODUCTION.map((r) => [r.unset.join(", "), r] as const))("refuses to start without %s, in one line", (_, { unset, line }) => {
    const problems = problemsOf(productionSettingsWithout(unset));
    expect(problems).toHaveLength(1);
    expect(`  - ${problems[0]}`).toMatch(line);
  });

  it.each(REFUSED_IN_PRODUCTION.map((r) => [JSON.stringify(r.set), r] as const))("refuses %s, in one line", (_, { set, line }) => {
    const problems = problemsOf({ ...PRODUCTION_SETTINGS, ...set });
    expect(problems).toHaveLength(1);
    expect(`  - ${problems[0]}`).toMatch(line);
  });

  it("names every problem at once, each setting once, and the tests cover every requirement of the list", () => {
    const problems = problemsOf({ PORTAL_MODE: "production", MAIL_DEV_MAILBOX: "on", WEBHOOK_ALLOW_LOOPBACK: "on", STEP_UP_WINDOW_SECONDS: "15" });
    expect(problems.map((p) => p.slice(0, p.indexOf(":")))).toEqual(PRODUCTION_REQUIREMENTS.map((r) => r.setting).filter((s) => s !== "PORTAL_DEMO_DATA"));
    const covered = new Set([...REQUIRED_IN_PRODUCTION.flatMap((r) => r.unset), ...REFUSED_IN_PRODUCTION.flatMap((r) => Object.keys(r.set))]);
    for (const { setting } of PRODUCTION_REQUIREMENTS) expect(setting.split(" ou ").some((s) => covered.has(s as never)), setting).toBe(true);
  });

  it("never infers production from NODE_ENV", () => {
    expect(parseEnv({ ...valid, NODE_ENV: "production" }).PORTAL_MODE).toBe("development");
  });
});

describe("second-factor settings (issue 19)", () => {
  it("takes an MFA_ENCRYPTION_KEY of at least 32 characters, and refuses a shorter one", () => {
    expect(parseEnv({ ...valid, MFA_ENCRYPTION_KEY: "k".repeat(32) }).MFA_ENCRYPTION_KEY).toBe("k".repeat(32));
    expect(() => parseEnv({ ...valid, MFA_ENCRYPTION_KEY: "court" })).toThrow(/MFA_ENCRYPTION_KEY: au moins 32 caractères/);
  });

  it("takes a test-only step-up window between 1 and 600 seconds", () => {
    expect(parseEnv({ ...valid, STEP_UP_WINDOW_SECONDS: "15" }).STEP_UP_WINDOW_SECONDS).toBe(15);
    expect(() => parseEnv({ ...valid, STEP_UP_WINDOW_SECONDS: "0" })).toThrow(/STEP_UP_WINDOW_SECONDS/);
    expect(() => parseEnv({ ...valid, STEP_UP_WINDOW_SECONDS: "3600" })).toThrow(/STEP_UP_WINDOW_SECONDS/);
  });
});
