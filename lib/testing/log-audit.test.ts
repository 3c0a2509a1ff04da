import { describe, expect, it } from "vitest";
import { leakedSecrets, linkTokens, tokenShapes } from "./log-audit";

describe("linkTokens", () => {
  it("finds the tokens of single-use links in mail texts, and not ordinary paths", () => {
    const texts = [
      "Rejoignez l'organisation : https://portail.exemple.fr/invitation/3kq9XyZ_aB7c-D2eF4gH6iJ8kL0mN\nMerci.",
      "Signez ici : http://localhost:3100/signature/Zq81mW0e-TtY5uI7oP9aS2dF4gH6jK8l.",
      "Votre dossier : https://portail.exemple.fr/editeur/dossiers/cm1a2b3c4d5e6f7g8h9i0j1k2 et /editeur/charte",
    ];
    const routes = ["/invitation/[token]", "/signature/[token]", "/signature/[token]/document", "/editeur/dossiers/[applicationId]"];
    expect(linkTokens(texts, routes)).toEqual(["3kq9XyZ_aB7c-D2eF4gH6iJ8kL0mN", "Zq81mW0e-TtY5uI7oP9aS2dF4gH6jK8l"]);
    expect(linkTokens(["https://portail.exemple.fr/connexion?jeton=Zq81mW0e-TtY5uI7oP9aS2dF"], routes)).toEqual(["Zq81mW0e-TtY5uI7oP9aS2dF"]);
  });
});

describe("leakedSecrets", () => {
  it("names what leaked without printing it whole", () => {
    expect(leakedSecrets('{"message":"mot de passe Demo-ROR-2026!"}', ["Demo-ROR-2026!", "absent-du-journal"])).toEqual(["Demo-R… (14 caractères)"]);
    expect(leakedSecrets("court", ["court"])).toEqual([]);
  });

  it("spots API tokens and bearer headers", () => {
    expect(tokenShapes(`x rorwl_${"a".repeat(43)} y`)).toHaveLength(1);
    expect(tokenShapes("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc")).toHaveLength(1);
    expect(tokenShapes('{"route":"/api/v1/whitelist","status":401}')).toEqual([]);
  });
});
