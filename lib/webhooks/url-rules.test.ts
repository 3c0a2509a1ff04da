import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { addressesRefusal, addressRefusal, parseWebhookUrl, URL_MESSAGES, webhookHost } from "./url-rules";

const strict = { allowLoopback: false };
const tests = { allowLoopback: true };

describe("webhook URLs", () => {
  it("takes an https URL with a public host, path and query, normalised", () => {
    const parsed = parseWebhookUrl("  https://Passerelle.Exemple.fr:8443/hooks/ror?canal=prod  ", strict);
    expect(parsed).toEqual({
      ok: true,
      url: "https://passerelle.exemple.fr:8443/hooks/ror?canal=prod",
      hostname: "passerelle.exemple.fr",
      ipLiteral: null,
      port: 8443,
      path: "/hooks/ror?canal=prod",
    });
    expect(parseWebhookUrl("https://passerelle.exemple.fr", strict)).toMatchObject({ ok: true, port: 443, path: "/" });
    expect(parseWebhookUrl("https://93.184.215.14/ror", strict)).toMatchObject({ ok: true, ipLiteral: "93.184.215.14" });
    expect(parseWebhookUrl("https://[2606:4700:4700::1111]/ror", strict)).toMatchObject({ ok: true, hostname: "2606:4700:4700::1111", ipLiteral: "2606:4700:4700::1111" });
  });

  it("refuses http, other schemes, credentials, fragments and what is not a URL, in French", () => {
    expect(parseWebhookUrl("http://passerelle.exemple.fr/ror", strict)).toEqual({ ok: false, message: URL_MESSAGES.notHttps });
    expect(parseWebhookUrl("ftp://passerelle.exemple.fr/ror", strict)).toEqual({ ok: false, message: URL_MESSAGES.notHttps });
    expect(parseWebhookUrl("https://alice:secret@passerelle.exemple.fr/ror", strict)).toEqual({ ok: false, message: URL_MESSAGES.credentials });
    expect(parseWebhookUrl("https://alice@passerelle.exemple.fr/ror", strict)).toEqual({ ok: false, message: URL_MESSAGES.credentials });
    expect(parseWebhookUrl("https://passerelle.exemple.fr/ror#x", strict)).toEqual({ ok: false, message: URL_MESSAGES.fragment });
    expect(parseWebhookUrl("passerelle.exemple.fr/ror", strict)).toEqual({ ok: false, message: URL_MESSAGES.invalid });
    expect(parseWebhookUrl("", strict)).toEqual({ ok: false, message: URL_MESSAGES.required });
    expect(parseWebhookUrl(`https://exemple.fr/${"a".repeat(2000)}`, strict)).toEqual({ ok: false, message: URL_MESSAGES.tooLong });
  });

  it("refuses private, loopback, link-local and reserved IP literals, however they are spelled", () => {
    for (const host of ["10.0.0.5", "172.16.3.4", "192.168.1.1", "127.0.0.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:10.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[64:ff9b::a00:1]", "192.0.2.10", "224.0.0.1"]) {
      const parsed = parseWebhookUrl(`https://${host}/ror`, strict);
      expect(parsed.ok, host).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^L'adresse .+ est une adresse .+ : le portail n'envoie de webhooks qu'à des adresses publiques\.$/);
    }
    // The WHATWG parser spells out decimal, hexadecimal and short forms of IPv4 before the check.
    for (const host of ["2130706433", "0x7f.1", "0177.0.0.1", "127.1"]) {
      const parsed = parseWebhookUrl(`https://${host}/ror`, strict);
      expect(parsed, host).toEqual({ ok: false, message: "L'adresse 127.0.0.1 est une adresse de bouclage (loopback) : le portail n'envoie de webhooks qu'à des adresses publiques." });
    }
    expect(addressRefusal("10.1.2.3", strict)).toBe("L'adresse 10.1.2.3 est une adresse privée : le portail n'envoie de webhooks qu'à des adresses publiques.");
  });

  it("lets loopback through only with the test setting, and never a private address", () => {
    expect(addressRefusal("127.0.0.1", tests)).toBeNull();
    expect(addressRefusal("::1", tests)).toBeNull();
    expect(addressRefusal("::ffff:127.0.0.1", tests)).toBeNull();
    expect(addressRefusal("10.0.0.1", tests)).not.toBeNull();
    expect(addressRefusal("fd12::1", tests)).not.toBeNull();
    expect(parseWebhookUrl("https://127.0.0.1:8443/ror", tests)).toMatchObject({ ok: true, ipLiteral: "127.0.0.1" });
    expect(addressRefusal("8.8.8.8", strict)).toBeNull();
    expect(addressRefusal("2a01:e0a:1::1", strict)).toBeNull();
  });

  it("requires every address a name resolves to be public", () => {
    expect(addressesRefusal("passerelle.exemple.fr", ["8.8.8.8", "2a01:e0a:1::1"], strict)).toBeNull();
    expect(addressesRefusal("passerelle.exemple.fr", ["8.8.8.8", "10.0.0.7"], strict)).toBe(
      "Le nom passerelle.exemple.fr désigne une adresse non publique. L'adresse 10.0.0.7 est une adresse privée : le portail n'envoie de webhooks qu'à des adresses publiques.",
    );
    expect(addressesRefusal("nulle-part.exemple.fr", [], strict)).toBe(URL_MESSAGES.unresolved("nulle-part.exemple.fr"));
  });

  it("shows and records only the host, never the path or query", () => {
    expect(webhookHost("https://passerelle.exemple.fr:8443/hooks?token=abc")).toBe("passerelle.exemple.fr:8443");
  });

  it("refuses WEBHOOK_ALLOW_LOOPBACK in production mode", () => {
    const valid = { DATABASE_URL: "postgresql://localhost/ror", AUTH_SECRET: "x".repeat(32) };
    expect(parseEnv(valid).WEBHOOK_ALLOW_LOOPBACK).toBe("off");
    expect(parseEnv({ ...valid, WEBHOOK_ALLOW_LOOPBACK: "on" }).WEBHOOK_ALLOW_LOOPBACK).toBe("on");
    expect(() => parseEnv({ ...valid, PORTAL_MODE: "production", WEBHOOK_ALLOW_LOOPBACK: "on" })).toThrow(/WEBHOOK_ALLOW_LOOPBACK: interdit avec PORTAL_MODE=production/);
    expect(() => parseEnv({ ...valid, WEBHOOK_ALLOW_LOOPBACK: "oui" })).toThrow(/WEBHOOK_ALLOW_LOOPBACK/);
  });
});
