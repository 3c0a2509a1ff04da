import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { invitationSchema, joinWithNewAccountSchema, organizationChanges, organizationDetailsSchema } from "./organization-schema";

const details = { legalName: "Éditeur Exemple SAS", siret: "73282932000074", address: "1 place de la Mairie\n75001 Paris" };

describe("organisation details", () => {
  it("normalises the SIRET and keeps text as typed", () => {
    const data = organizationDetailsSchema.parse({ ...details, siret: "732 829 320 00074", legalName: " <b>X</b> ", version: "v" });
    expect(data.siret).toBe("73282932000074");
    expect(data.legalName).toBe("<b>X</b>");
  });

  it("refuses a bad SIRET, an empty name and a 10,000-character address in French", () => {
    const result = organizationDetailsSchema.safeParse({ legalName: "  ", siret: "73282932000075", address: "x".repeat(10_000), version: "v" });
    expect(fieldErrorsOf(result.error!)).toEqual({
      legalName: "Saisissez la raison sociale.",
      siret: "Ce SIRET n'est pas valide (clé de contrôle incorrecte).",
      address: "Ce champ ne peut pas dépasser 500 caractères.",
    });
  });
});

describe("the change diff of an organisation", () => {
  it("lists only the fields that changed, with before and after", () => {
    expect(organizationChanges(details, { ...details, siret: "13000548100010" })).toEqual({
      siret: { before: "73282932000074", after: "13000548100010" },
    });
    expect(organizationChanges(details, { legalName: "Autre", siret: details.siret, address: "Ailleurs" })).toEqual({
      legalName: { before: "Éditeur Exemple SAS", after: "Autre" },
      address: { before: "1 place de la Mairie\n75001 Paris", after: "Ailleurs" },
    });
  });

  it("is empty when nothing changed", () => {
    expect(organizationChanges(details, { ...details })).toEqual({});
  });
});

describe("invitation and joining forms", () => {
  it("lower-cases the invited e-mail and refuses a malformed one", () => {
    expect(invitationSchema.parse({ email: " Paul@Exemple.FR ", asLegalRepresentative: false }).email).toBe("paul@exemple.fr");
    const result = invitationSchema.safeParse({ email: "paul", asLegalRepresentative: false });
    expect(fieldErrorsOf(result.error!).email).toBe("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.");
  });

  it("needs a 12-character password typed twice", () => {
    const short = joinWithNewAccountSchema.safeParse({ name: "Paul", password: "court", passwordConfirmation: "court" });
    expect(fieldErrorsOf(short.error!).password).toBe("Le mot de passe doit comporter au moins 12 caractères.");
    const mismatch = joinWithNewAccountSchema.safeParse({ name: "Paul", password: "une phrase solide", passwordConfirmation: "une autre phrase" });
    expect(fieldErrorsOf(mismatch.error!).passwordConfirmation).toBe("Les deux mots de passe ne correspondent pas.");
  });
});
