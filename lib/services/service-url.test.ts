import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { checkServiceUrl, serviceUrlSchema, URL_MESSAGES } from "./service-url";

const refused = (raw: string) => {
  const check = checkServiceUrl(raw);
  if (check.ok) throw new Error(`expected ${raw} to be refused, got ${check.url}`);
  return check.message;
};
const accepted = (raw: string) => {
  const check = checkServiceUrl(raw);
  if (!check.ok) throw new Error(`expected ${raw} to be accepted: ${check.message}`);
  return check.url;
};

describe("a service URL", () => {
  it.each([
    ["https://service.exemple.fr/ror", "https://service.exemple.fr/ror"],
    ["https://service.exemple.fr", "https://service.exemple.fr"],
    ["https://service.exemple.fr/", "https://service.exemple.fr"],
    ["https://service.exemple.fr/api/fhir///", "https://service.exemple.fr/api/fhir"],
    ["HTTPS://Service.Exemple.FR/Api/V1", "https://service.exemple.fr/Api/V1"],
    ["  https://api-ror.editeur-1.fr:8443/r4  ", "https://api-ror.editeur-1.fr:8443/r4"],
    ["https://service.exemple.fr:443/ror", "https://service.exemple.fr/ror"],
    ["https://service.exemple.fr/a/./b/../c", "https://service.exemple.fr/a/c"],
    ["https://hôpital-santé.fr/ror", "https://xn--hpital-sant-lbb6k.fr/ror"],
    ["https://xn--hpital-sant-lbb6k.fr/ror", "https://xn--hpital-sant-lbb6k.fr/ror"],
  ])("accepts %s, stored as %s", (raw, normalised) => {
    expect(accepted(raw)).toBe(normalised);
  });

  it("refuses plain http", () => {
    expect(refused("http://service.exemple.fr/ror")).toBe(URL_MESSAGES.notHttps);
    expect(refused("HTTP://service.exemple.fr")).toBe(URL_MESSAGES.notHttps);
  });

  it("refuses other schemes and incomplete URLs", () => {
    expect(refused("ftp://service.exemple.fr")).toBe(URL_MESSAGES.notHttps);
    expect(refused("javascript:alert(1)")).toBe(URL_MESSAGES.notHttps);
    expect(refused("service.exemple.fr/ror")).toBe(URL_MESSAGES.malformed);
    expect(refused("https://")).toBe(URL_MESSAGES.malformed);
    expect(refused("")).toBe(URL_MESSAGES.empty);
    expect(refused("   ")).toBe(URL_MESSAGES.empty);
  });

  it("refuses credentials, even an empty user part", () => {
    expect(refused("https://user:pass@service.exemple.fr")).toBe(URL_MESSAGES.credentials);
    expect(refused("https://user@service.exemple.fr/ror")).toBe(URL_MESSAGES.credentials);
    expect(refused("https://:secret@service.exemple.fr")).toBe(URL_MESSAGES.credentials);
    expect(refused("https://@service.exemple.fr")).toBe(URL_MESSAGES.credentials);
  });

  it("accepts an @ in the path, which is not a credential", () => {
    expect(accepted("https://service.exemple.fr/@equipe")).toBe("https://service.exemple.fr/@equipe");
  });

  it("refuses a query string and a fragment, even empty ones", () => {
    expect(refused("https://service.exemple.fr/ror?token=abc")).toBe(URL_MESSAGES.query);
    expect(refused("https://service.exemple.fr/ror?")).toBe(URL_MESSAGES.query);
    expect(refused("https://service.exemple.fr/ror#section")).toBe(URL_MESSAGES.fragment);
    expect(refused("https://service.exemple.fr/ror#")).toBe(URL_MESSAGES.fragment);
  });

  it.each([
    "https://192.0.2.10/ror",
    "https://127.0.0.1",
    "https://127.1/",
    "https://0x7f.0.0.1/",
    "https://2130706433/",
    "https://[::1]/ror",
    "https://[2001:db8::1]:8443/ror",
  ])("refuses the IP address %s", (raw) => {
    expect(refused(raw)).toBe(URL_MESSAGES.ipAddress);
  });

  it.each(["https://localhost/ror", "https://LOCALHOST:3000", "https://api.localhost", "https://imprimante.local", "https://ror.internal", "https://box.home.arpa", "https://service.test", "https://service.example", "https://service.invalid"])(
    "refuses the special-use name %s",
    (raw) => {
      expect(refused(raw)).toBe(URL_MESSAGES.reservedName);
    },
  );

  it.each(["https://intranet/ror", "https://-service.exemple.fr", "https://service-.exemple.fr", "https://service..exemple.fr", "https://service.exemple.fr.", "https://serv_ice.exemple.fr", `https://${"a".repeat(64)}.fr`])(
    "refuses the host name of %s",
    (raw) => {
      expect(refused(raw)).toBe(URL_MESSAGES.hostName);
    },
  );

  it("refuses spaces, control characters and URLs over 2048 characters", () => {
    expect(refused("https://service.exemple.fr/mon api")).toBe(URL_MESSAGES.spaces);
    expect(refused("https://service.exemple.fr/\tapi")).toBe(URL_MESSAGES.spaces);
    const long = `https://service.exemple.fr/${"a".repeat(2048)}`;
    expect(refused(long)).toBe(URL_MESSAGES.tooLong);
    const limit = `https://service.exemple.fr/${"a".repeat(2048 - "https://service.exemple.fr/".length)}`;
    expect(accepted(limit)).toBe(limit);
  });

  it("validates a form: environment and URL, each message next to its field", () => {
    expect(serviceUrlSchema.parse({ environment: "TEST", url: "https://Service.exemple.fr/ror/" })).toEqual({
      environment: "TEST",
      url: "https://service.exemple.fr/ror",
    });
    const parsed = serviceUrlSchema.safeParse({ environment: "RECETTE", url: "http://service.exemple.fr" });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({ environment: "Choisissez l'environnement de l'URL.", url: URL_MESSAGES.notHttps });
  });
});
