import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { serviceChanges, serviceSchema, serviceUpdateSchema, type ServiceData } from "./service-schema";

const valid = {
  name: "Orientation Plus",
  softwareName: "Logiciel Orientation",
  softwareVersion: "4.2.1",
  description: "Aide à l'orientation des patients vers les structures adaptées.",
  purposes: ["ORIENTATION"],
  users: "Les régulateurs du SAMU et les assistants de régulation médicale.",
  requestedProfileId: "6f1c8a4e-2b7d-4c3e-9a51-0d2f3b4c5d6e",
  profileJustification: "Les régulateurs ont besoin des numéros directs des services.",
  apis: ["FHIR"],
};

function errorsOf(input: unknown) {
  const parsed = serviceSchema.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  return fieldErrorsOf(parsed.error);
}

describe("the service form", () => {
  it("accepts a complete form, trims texts and keeps purposes and APIs in their canonical order, without repeats", () => {
    const parsed = serviceSchema.parse({
      ...valid,
      name: "  Orientation Plus  ",
      purposes: ["INFORMATION", "ORIENTATION", "INFORMATION"],
      apis: ["LEGACY_WEB_SERVICES", "FHIR"],
    });
    expect(parsed.name).toBe("Orientation Plus");
    expect(parsed.purposes).toEqual(["ORIENTATION", "INFORMATION"]);
    expect(parsed.apis).toEqual(["FHIR", "LEGACY_WEB_SERVICES"]);
  });

  it("refuses empty fields, each with its French message", () => {
    const errors = errorsOf({ name: "", softwareName: " ", softwareVersion: "", description: "", purposes: [], users: "", requestedProfileId: "", profileJustification: "", apis: [] });
    expect(errors).toEqual({
      name: "Saisissez le nom du service.",
      softwareName: "Saisissez le nom du logiciel.",
      softwareVersion: "Saisissez la version du logiciel.",
      description: "Décrivez le service.",
      purposes: "Cochez au moins une finalité du service.",
      users: "Indiquez qui verra les données du ROR.",
      requestedProfileId: "Choisissez le profil d'accès demandé.",
      profileJustification: "Justifiez le profil d'accès demandé.",
      apis: "Cochez au moins une API du ROR que le service appellera.",
    });
  });

  it("refuses missing or forged values (no profile chosen, a purpose that does not exist)", () => {
    expect(errorsOf({ ...valid, requestedProfileId: null }).requestedProfileId).toBe("Choisissez le profil d'accès demandé.");
    expect(errorsOf({ ...valid, purposes: ["SURVEILLANCE"] }).purposes).toBe("Cochez au moins une finalité du service.");
    expect(errorsOf({ ...valid, apis: "FHIR" }).apis).toBe("Cochez au moins une API du ROR que le service appellera.");
    expect(errorsOf({ ...valid, purposes: undefined }).purposes).toBe("Cochez au moins une finalité du service.");
  });

  it.each([
    ["name", 120],
    ["softwareName", 120],
    ["softwareVersion", 50],
    ["description", 2000],
    ["users", 2000],
    ["profileJustification", 2000],
  ])("refuses a %s over %i characters", (field, max) => {
    expect(serviceSchema.safeParse({ ...valid, [field]: "x".repeat(max) }).success).toBe(true);
    expect(errorsOf({ ...valid, [field]: "x".repeat(max + 1) })[field]).toBe(`Ce champ ne peut pas dépasser ${max} caractères.`);
  });

  it("refuses a 10,000-character service name", () => {
    expect(errorsOf({ ...valid, name: "é".repeat(10_000) }).name).toBe("Ce champ ne peut pas dépasser 120 caractères.");
  });

  it("keeps HTML and script as typed: escaping is the display's job", () => {
    const description = `<script>alert("x")</script><b>gras</b>`;
    expect(serviceSchema.parse({ ...valid, description }).description).toBe(description);
  });

  it("requires the version when editing", () => {
    const parsed = serviceUpdateSchema.safeParse(valid);
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!).version).toBe("Version manquante : rechargez la page.");
  });
});

describe("the changes of a service", () => {
  const before = serviceSchema.parse(valid);
  it("lists only the fields that differ, with before and after", () => {
    const after: ServiceData = { ...before, name: "Orientation Max", purposes: ["ORIENTATION", "COORDINATION"] };
    expect(serviceChanges(before, after)).toEqual({
      name: { before: "Orientation Plus", after: "Orientation Max" },
      purposes: { before: ["ORIENTATION"], after: ["ORIENTATION", "COORDINATION"] },
    });
  });
  it("is empty when nothing changed", () => {
    expect(serviceChanges(before, { ...before, apis: [...before.apis] })).toEqual({});
  });
});
