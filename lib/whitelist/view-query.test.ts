import { describe, expect, it } from "vitest";
import { DEFAULT_WHITELIST_QUERY, matchesSearch, parseWhitelistQuery, whitelistQueryParams } from "./view-query";

describe("whitelist view query", () => {
  it("parses known values and falls back to defaults on anything else", () => {
    expect(parseWhitelistQuery({})).toEqual(DEFAULT_WHITELIST_QUERY);
    expect(parseWhitelistQuery({ statut: "suspendues", environnement: "production", profil: "2", expiration: "bientot", q: "  Démo ", page: "3" })).toEqual({
      status: "suspendues",
      environment: "production",
      profileCode: "2",
      expiringSoon: true,
      search: "Démo",
      page: 3,
    });
    expect(parseWhitelistQuery({ statut: "toString", environnement: "__proto__", profil: "<x>", page: "-1" })).toEqual(DEFAULT_WHITELIST_QUERY);
  });

  it("round-trips through URL parameters, leaving defaults out", () => {
    const query = parseWhitelistQuery({ statut: "revoquees", q: "agenda", page: "2" });
    expect(whitelistQueryParams(query)).toBe("?statut=revoquees&q=agenda&page=2");
    expect(whitelistQueryParams(query, { page: 1 })).toBe("?statut=revoquees&q=agenda");
    expect(whitelistQueryParams(DEFAULT_WHITELIST_QUERY)).toBe("");
  });

  it("searches every word, without accents or case", () => {
    expect(matchesSearch("sante demo", ["Santé Numérique Démo SAS", "Agenda"])).toBe(true);
    expect(matchesSearch("agenda 1234", ["Santé", "Agenda", "12345678901234"])).toBe(true);
    expect(matchesSearch("orientation", ["Santé", "Agenda"])).toBe(false);
    expect(matchesSearch("", [])).toBe(true);
  });
});
