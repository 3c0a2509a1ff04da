import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

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

  it("treats empty strings as unset", () => {
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET/);
  });
});
