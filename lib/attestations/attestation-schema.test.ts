import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { attestationSchema, emptyAttestationValues, MARKUP_REFUSED, missingFields, parisToday } from "./attestation-schema";

const today = "2026-03-10";
const schema = attestationSchema(today);

const complete = {
  clientName: "Clinique Sainte-Hélène",
  clientAddress: "12 rue de l'Église\n69003 Lyon",
  clientSignatoryLastName: "Lefèvre",
  clientSignatoryFirstName: "Zoé",
  clientSignatoryFunction: "Directrice générale",
  clientSiret: "732 829 320 00074",
  clientSignatoryEmail: "Zoe.Lefevre@Clinique.example",
  editorLegalRepresentativeId: "0b6f2f2e-3c1d-4c53-9a55-0d1f8c3f2a10",
  orderSignedOn: "2026-02-01",
  softwareVersion: "4.2.1",
  place: "Lyon",
};

function errorsOf(values: Record<string, unknown>) {
  const result = schema.safeParse(values);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("attestation form schema", () => {
  it("accepts a complete attestation and normalises the SIRET and the e-mail", () => {
    const data = schema.parse(complete);
    expect(data.clientSiret).toBe("73282932000074");
    expect(data.clientSignatoryEmail).toBe("zoe.lefevre@clinique.example");
    expect(data.clientAddress).toBe("12 rue de l'Église\n69003 Lyon");
    expect(missingFields(data)).toEqual({});
  });

  it("keeps an incomplete draft, and lists what sending still needs", () => {
    const data = schema.parse({ ...emptyAttestationValues, clientName: "Clinique" });
    expect(data.clientName).toBe("Clinique");
    const missing = missingFields(data);
    expect(Object.keys(missing)).toEqual([
      "clientAddress",
      "clientSignatoryLastName",
      "clientSignatoryFirstName",
      "clientSignatoryFunction",
      "clientSiret",
      "clientSignatoryEmail",
      "editorLegalRepresentativeId",
      "orderSignedOn",
      "softwareVersion",
      "place",
    ]);
    expect(missing.clientSiret).toBe("Saisissez le numéro SIRET du client.");
  });

  it("refuses ten thousand characters with a French message", () => {
    const errors = errorsOf({ ...complete, clientName: "é".repeat(10_000), clientAddress: "a".repeat(10_000) });
    expect(errors.clientName).toBe("Ce champ ne peut pas dépasser 200 caractères.");
    expect(errors.clientAddress).toBe("Ce champ ne peut pas dépasser 500 caractères.");
  });

  it("refuses script and markup in every text field", () => {
    for (const field of ["clientName", "clientAddress", "clientSignatoryLastName", "clientSignatoryFirstName", "clientSignatoryFunction", "softwareVersion", "place"]) {
      expect(errorsOf({ ...complete, [field]: `<script>alert("x")</script>` })[field]).toBe(MARKUP_REFUSED);
    }
    expect(errorsOf({ ...complete, clientName: "<img src=x onerror=alert(1)>" }).clientName).toBe(MARKUP_REFUSED);
    expect(errorsOf({ ...complete, place: "javascript:alert(1)" }).place).toBe(MARKUP_REFUSED);
    expect(errorsOf({ ...complete, clientName: "Dupont &lt;b&gt;" }).clientName).toBe(MARKUP_REFUSED);
    // Ordinary punctuation stays fine.
    expect(errorsOf({ ...complete, clientName: "Dupont & Fils (5 < 6 ans) « SAS »" })).toEqual({});
    expect(errorsOf({ ...complete, clientName: "Bidi\u202eattack" }).clientName).toMatch(/caractères invisibles/);
  });

  it("checks the SIRET checksum and the e-mail", () => {
    expect(errorsOf({ ...complete, clientSiret: "73282932000075" }).clientSiret).toBe("Ce SIRET n'est pas valide (clé de contrôle incorrecte).");
    expect(errorsOf({ ...complete, clientSiret: "1234" }).clientSiret).toBe("Le SIRET doit comporter exactement 14 chiffres.");
    expect(errorsOf({ ...complete, clientSignatoryEmail: "pas-une-adresse" }).clientSignatoryEmail).toMatch(/adresse électronique valide/);
    expect(errorsOf({ ...complete, editorLegalRepresentativeId: "' OR 1=1 --" }).editorLegalRepresentativeId).toMatch(/représentants légaux/);
  });

  it("refuses an order date in the future or that does not exist", () => {
    expect(errorsOf({ ...complete, orderSignedOn: "2026-03-10" })).toEqual({});
    expect(errorsOf({ ...complete, orderSignedOn: "2026-03-11" }).orderSignedOn).toBe("La date de signature de la commande ne peut pas être dans le futur.");
    expect(errorsOf({ ...complete, orderSignedOn: "2026-02-30" }).orderSignedOn).toMatch(/date valide/);
    expect(errorsOf({ ...complete, orderSignedOn: "demain" }).orderSignedOn).toMatch(/date valide/);
  });

  it("judges today in Europe/Paris", () => {
    expect(parisToday(new Date("2026-03-10T23:30:00Z"))).toBe("2026-03-11");
    expect(parisToday(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });
});
