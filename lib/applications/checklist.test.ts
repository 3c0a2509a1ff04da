import { describe, expect, it } from "vitest";
import { serviceCompleteness, type CompletenessInput } from "../services/completeness";
import { checklistSummary, submissionChecklist } from "./checklist";

const now = new Date("2026-03-10T12:00:00Z");
const complete: CompletenessInput = {
  serviceId: "11111111-1111-4111-8111-111111111111",
  organizationId: "22222222-2222-4222-8222-222222222222",
  charter: { acceptedCurrent: true, currentVersion: "0.1" },
  purposes: ["ORIENTATION"],
  urls: [{ environment: "TEST" }],
  profile: { label: "Profil 0", requiresCertificate: false },
  certificates: [],
  attestations: { sealed: 0, inProgress: 0 },
  platinesPlans: [],
  now,
};
const edit = "/editeur/services/11111111-1111-4111-8111-111111111111/modifier";

describe("the submission checklist", () => {
  it("is complete when every item of the service's completeness is done (steps not built yet aside) and the profile is offered", () => {
    const checklist = submissionChecklist(serviceCompleteness(complete), { label: "Profil 0", active: true }, edit);
    expect(checklist.complete).toBe(true);
    expect(checklist.missing).toEqual([]);
    expect(checklist.items.map((i) => i.id)).toEqual(["charter", "purpose", "url", "certificate", "attestation", "platines", "profile"]);
  });

  it("lists each missing item with where to fix it", () => {
    const checklist = submissionChecklist(serviceCompleteness({ ...complete, charter: { acceptedCurrent: false, currentVersion: "0.2" }, urls: [] }), { label: "Profil 0", active: true }, edit);
    expect(checklist.complete).toBe(false);
    expect(checklist.missing.map((i) => [i.id, i.href])).toEqual([
      ["charter", "/editeur/charte?organisation=22222222-2222-4222-8222-222222222222"],
      ["url", "#urls"],
    ]);
  });

  it("needs a certificate for a profile that requires one", () => {
    const checklist = submissionChecklist(serviceCompleteness({ ...complete, profile: { label: "Profil 2", requiresCertificate: true } }), { label: "Profil 2", active: true }, edit);
    expect(checklist.missing.map((i) => i.id)).toEqual(["certificate", "attestation"]);
  });

  it("blocks a profile the catalogue no longer offers", () => {
    const checklist = submissionChecklist(serviceCompleteness(complete), { label: "Profil retiré", active: false }, edit);
    expect(checklist.complete).toBe(false);
    expect(checklist.missing).toEqual([
      expect.objectContaining({ id: "profile", href: edit, actionLabel: "Choisir un autre profil", detail: expect.stringContaining("Profil retiré") }),
    ]);
  });

  it("blocks on PLATINES plans not yet satisfied", () => {
    const checklist = submissionChecklist(
      serviceCompleteness({ ...complete, platinesPlans: [{ name: "Recherche et lecture", satisfied: false }] }),
      { label: "Profil 0", active: true },
      edit,
    );
    expect(checklist.missing.map((i) => i.id)).toEqual(["platines"]);
  });

  it("blocks on any item that is missing, whatever its id", () => {
    const items = serviceCompleteness(complete).map((i) => (i.id === "attestation" ? { ...i, state: "missing" as const, done: false, href: "/x" } : i));
    expect(submissionChecklist(items, { label: "Profil 0", active: true }, edit).missing.map((i) => i.id)).toEqual(["attestation"]);
  });
});

describe("the sentence above the checklist", () => {
  it("says whether the dossier can be submitted while it is being prepared", () => {
    expect(checklistSummary(0, false)).toBe("Toutes les pièces exigées sont réunies : le dossier peut être déposé.");
    expect(checklistSummary(2, false)).toMatch(/^2 pièces manquent encore/);
  });
  it("no longer offers to submit once the dossier is submitted", () => {
    expect(checklistSummary(0, true)).toMatch(/^Le dossier est déposé : l'instructeur examine/);
    expect(checklistSummary(0, true)).not.toMatch(/peut être déposé/);
    expect(checklistSummary(1, true)).toMatch(/1 pièce n'est plus réunie/);
  });
});
