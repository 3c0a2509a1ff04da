import { describe, expect, it } from "vitest";
import { CircuitBreaker, parseRegisterAnswer, REGISTER_MESSAGES, registerProblem } from "./register";

const answer = (etat: string) => ({
  results: [
    {
      siren: "732829320",
      nom_complet: "EXEMPLE SANTE (EXEMPLE)",
      nom_raison_sociale: "EXEMPLE SANTE",
      siege: { siret: "73282932000074", adresse: "1 PLACE DE LA MAIRIE 75001 PARIS", etat_administratif: "A" },
      matching_etablissements: [{ siret: "73282932000082", adresse: "2 RUE NEUVE 69002 LYON", etat_administratif: etat }],
    },
  ],
  total_results: 1,
  page: 1,
  per_page: 1,
  total_pages: 1,
});

describe("the register's answer", () => {
  it("finds the establishment of the SIRET, active or closed", () => {
    expect(parseRegisterAnswer(answer("A"), "73282932000082")).toEqual({
      status: "found",
      establishment: { siret: "73282932000082", legalName: "EXEMPLE SANTE", address: "2 RUE NEUVE 69002 LYON", active: true },
    });
    const closed = parseRegisterAnswer(answer("F"), "73282932000082")!;
    expect(registerProblem(closed)).toBe(REGISTER_MESSAGES.closed);
    expect(parseRegisterAnswer(answer("F"), "73282932000074")).toMatchObject({ status: "found", establishment: { active: true } });
  });

  it("says unknown for a SIRET absent from the results, and null for an answer of another shape", () => {
    expect(parseRegisterAnswer({ results: [] }, "73282932000082")).toEqual({ status: "unknown" });
    expect(registerProblem({ status: "unknown" })).toBe(REGISTER_MESSAGES.unknown);
    expect(parseRegisterAnswer({ erreur: "x" }, "73282932000082")).toBeNull();
    expect(registerProblem({ status: "unavailable", reason: "timeout" })).toBeNull();
  });
});

describe("the circuit breaker", () => {
  it("opens after three failures in a row, lets one trial through after the delay, and closes on its success", () => {
    const breaker = new CircuitBreaker(3, 1000);
    for (let i = 0; i < 3; i++) {
      expect(breaker.allow(0)).toBe(true);
      breaker.failure(0);
    }
    expect(breaker.state).toBe("open");
    expect(breaker.allow(500)).toBe(false);
    expect(breaker.allow(1000)).toBe(true);
    expect(breaker.allow(1000)).toBe(false);
    breaker.failure(1000);
    expect(breaker.allow(1500)).toBe(false);
    expect(breaker.allow(2000)).toBe(true);
    breaker.success();
    expect(breaker.state).toBe("closed");
    expect(breaker.allow(2000)).toBe(true);
  });
});
