import { describe, expect, it } from "vitest";
import { finessProblem, isValidFiness, isValidSiren, isValidSiret, passesLuhn, sirenOfSiret, siretProblem } from "./identifiers";

describe("Luhn", () => {
  it("accepts a correct number and rejects a one-digit change", () => {
    expect(passesLuhn("732829320")).toBe(true);
    expect(passesLuhn("732829321")).toBe(false);
  });
});

describe("SIRET", () => {
  it.each(["73282932000074", "13000548100010", "443 061 841 00047"])("accepts %s", (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it("rejects a wrong checksum with a French reason", () => {
    expect(siretProblem("73282932000075")).toBe("Ce SIRET n'est pas valide (clé de contrôle incorrecte).");
  });

  it.each(["7328293200007", "732829320000745", "7328293200007A", ""])("rejects the malformed %j", (siret) => {
    expect(siretProblem(siret)).toBe("Le SIRET doit comporter exactement 14 chiffres.");
  });

  it("accepts La Poste establishments whose digits sum to a multiple of 5, though they fail Luhn", () => {
    expect(passesLuhn("35600000049837")).toBe(false);
    expect(isValidSiret("35600000049837")).toBe(true);
  });

  it("rejects La Poste establishments whose digit sum is not a multiple of 5", () => {
    expect(isValidSiret("35600000012345")).toBe(false);
  });

  it("accepts La Poste's head office, which passes Luhn", () => {
    expect(isValidSiret("35600000000048")).toBe(true);
  });

  it("gives the SIREN of a SIRET", () => {
    expect(sirenOfSiret("732 829 320 00074")).toBe("732829320");
  });
});

describe("SIREN", () => {
  it("accepts valid numbers and rejects others", () => {
    expect(isValidSiren("732829320")).toBe(true);
    expect(isValidSiren("130005481")).toBe(true);
    expect(isValidSiren("130005482")).toBe(false);
    expect(isValidSiren("13000548")).toBe(false);
  });
});

describe("FINESS", () => {
  it("accepts numeric numbers with a correct Luhn key", () => {
    expect(isValidFiness("750712184")).toBe(true);
    expect(isValidFiness("310781406")).toBe(true);
  });

  it("rejects a wrong key", () => {
    expect(finessProblem("750712185")).toBe("Ce numéro FINESS n'est pas valide (clé de contrôle incorrecte).");
  });

  it("accepts Corsican numbers (2A, 2B) on format alone", () => {
    expect(isValidFiness("2A0000123")).toBe(true);
    expect(isValidFiness("2b0000123")).toBe(true);
  });

  it.each(["2C0000123", "75071218", "7507121845", "A50712184"])("rejects the malformed %s", (finess) => {
    expect(finessProblem(finess)).toMatch(/9 caractères/);
  });
});
