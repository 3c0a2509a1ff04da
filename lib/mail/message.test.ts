import { describe, expect, it } from "vitest";
import { portalUrl } from "./message";

describe("portalUrl", () => {
  it("builds links from AUTH_URL", () => {
    expect(portalUrl("/invitation/abc", "https://portail.exemple.fr")).toBe("https://portail.exemple.fr/invitation/abc");
    expect(portalUrl("/connexion", "https://portail.exemple.fr/", "production")).toBe("https://portail.exemple.fr/connexion");
  });

  it("falls back on a local address only outside production mode", () => {
    expect(portalUrl("/connexion", undefined)).toBe("http://localhost:3000/connexion");
    expect(() => portalUrl("/connexion", undefined, "production")).toThrow(/AUTH_URL absente/);
  });
});
