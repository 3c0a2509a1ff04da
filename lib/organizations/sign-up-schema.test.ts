import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { signUpSchema } from "./sign-up-schema";

const valid = {
  name: "Alice Durand",
  email: " Alice@Exemple.FR ",
  password: "une phrase de passe solide",
  passwordConfirmation: "une phrase de passe solide",
  legalName: "Éditeur <b>Exemple</b>",
  siret: "732 829 320 00074",
  address: "1 place de la Mairie\n75001 Paris",
  isLegalRepresentative: false,
};

describe("sign-up form schema", () => {
  it("normalises e-mail and SIRET and keeps text as typed", () => {
    const data = signUpSchema.parse(valid);
    expect(data.email).toBe("alice@exemple.fr");
    expect(data.siret).toBe("73282932000074");
    expect(data.legalName).toBe("Éditeur <b>Exemple</b>");
  });

  it("reports every empty field in French", () => {
    const result = signUpSchema.safeParse({ ...valid, name: "", email: "", legalName: "", siret: "", address: "", password: "", passwordConfirmation: "" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toMatchObject({
      name: "Saisissez vos nom et prénom.",
      email: "Saisissez votre adresse e-mail.",
      legalName: "Saisissez la raison sociale.",
      siret: "Saisissez le numéro SIRET.",
      address: "Saisissez l'adresse postale.",
      password: "Le mot de passe doit comporter au moins 12 caractères.",
    });
  });

  it("refuses oversized input", () => {
    const result = signUpSchema.safeParse({ ...valid, legalName: "x".repeat(10_000) });
    expect(fieldErrorsOf(result.error!).legalName).toBe("Ce champ ne peut pas dépasser 200 caractères.");
  });

  it("refuses mismatched passwords on the confirmation field", () => {
    const result = signUpSchema.safeParse({ ...valid, passwordConfirmation: "autre phrase de passe" });
    expect(fieldErrorsOf(result.error!)).toEqual({ passwordConfirmation: "Les deux mots de passe ne correspondent pas." });
  });
});
