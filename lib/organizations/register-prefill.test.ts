import { describe, expect, it } from "vitest";
import { REGISTER_MESSAGES } from "./register";
import { isCompleteSiret, registerPrefill } from "./register-prefill";

describe("register prefill", () => {
  const establishment = { siret: "73282932000074", legalName: "Exemple SAS", address: "1 rue de la Paix 75002 Paris", active: true };

  it("prefills from an active establishment", () => {
    expect(registerPrefill({ status: "found", establishment })).toEqual({ status: "found", legalName: "Exemple SAS", address: "1 rue de la Paix 75002 Paris" });
  });

  it("refuses a closed or unknown establishment in French", () => {
    expect(registerPrefill({ status: "found", establishment: { ...establishment, active: false } })).toEqual({ status: "problem", message: REGISTER_MESSAGES.closed });
    expect(registerPrefill({ status: "unknown" })).toEqual({ status: "problem", message: REGISTER_MESSAGES.unknown });
  });

  it("says nothing when the register cannot be asked", () => {
    expect(registerPrefill({ status: "unavailable", reason: "timeout" })).toEqual({ status: "unavailable" });
  });

  it("looks up only a complete SIRET", () => {
    expect(isCompleteSiret("732 829 320 00074")).toBe(true);
    expect(isCompleteSiret("7328293200007")).toBe(false);
    expect(isCompleteSiret("7328293200007a")).toBe(false);
  });
});
