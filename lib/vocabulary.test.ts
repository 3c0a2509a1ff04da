import { describe, expect, it } from "vitest";
import { DAY_MS, ENVIRONMENT_LABELS, ENVIRONMENTS, ofWord, plural, profileName, QUOTA_RANGE_MESSAGE } from "./vocabulary";

describe("the shared vocabulary", () => {
  it("counts in French: 0 and 1 singular, thousands spaced", () => {
    expect(plural(0, "certificat", "certificats")).toBe("0 certificat");
    expect(plural(1, "certificat", "certificats")).toBe("1 certificat");
    expect(plural(2, "certificat", "certificats")).toBe("2 certificats");
    expect(plural(10000, "appel", "appels")).toBe("10\u202f000 appels");
  });

  it("elides de before a vowel or a mute h", () => {
    expect(ofWord("Orientation Plus")).toBe("d'Orientation Plus");
    expect(ofWord("hôpital")).toBe("d'hôpital");
    expect(ofWord("Éditeur")).toBe("d'Éditeur");
    expect(ofWord("Santé Numérique")).toBe("de Santé Numérique");
  });

  it("names the two environments in one order, and the quota range", () => {
    expect(ENVIRONMENTS).toEqual(["TEST", "PRODUCTION"]);
    expect(ENVIRONMENT_LABELS.PRODUCTION).toBe("Production");
    expect(DAY_MS).toBe(86_400_000);
    expect(QUOTA_RANGE_MESSAGE).toContain("entre 1 et 1000");
  });
});

describe("an access profile's name", () => {
  it("is its label when the label names it, never the code twice", () => {
    expect(profileName("0", "Profil 0 — données en libre accès")).toBe("Profil 0 — données en libre accès");
    expect(profileName("2", "profil 2 : données restreintes")).toBe("profil 2 : données restreintes");
  });
  it("names the code when the label does not", () => {
    expect(profileName("5", "Administrateur de structure")).toBe("Profil 5 — Administrateur de structure");
    expect(profileName("1", "Profil 10 — autre")).toBe("Profil 1 — Profil 10 — autre");
  });
});
