import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { formResultFromError } from "./form-result";

describe("form results", () => {
  it("puts field errors next to fields and no banner", () => {
    const result = formResultFromError(new AppError("VALIDATION", "Erreurs", { siret: "SIRET invalide" }));
    expect(result).toEqual({ ok: false, fieldErrors: { siret: "SIRET invalide" }, formError: undefined });
  });
  it("shows the message of an error without fields", () => {
    expect(formResultFromError(new AppError("FORBIDDEN", "Accès refusé")).formError).toBe("Accès refusé");
  });
  it("never leaks an unexpected error's message", () => {
    const spy = console.error;
    console.error = () => undefined;
    expect(formResultFromError(new Error("password=secret")).formError).not.toContain("secret");
    console.error = spy;
  });
});
