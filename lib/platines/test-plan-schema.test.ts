import { describe, expect, it } from "vitest";
import { formatRequiredCases, parseRequiredCases, testPlanFormSchema } from "./test-plan-schema";

describe("parseRequiredCases", () => {
  it("reads one case per line with an em dash, an en dash, a hyphen, a tab or a colon, ignoring blank lines", () => {
    const result = parseRequiredCases("FHIR-ORG-01 — Recherche d'Organization\n\nFHIR-ORG-02 – Lecture\r\nFHIR-LOC-01 - Recherche - par ville\nFHIR_PR.1\tLecture\nERR-1: Erreur 404");
    expect(result).toEqual({
      ok: true,
      cases: [
        { identifier: "FHIR-ORG-01", title: "Recherche d'Organization" },
        { identifier: "FHIR-ORG-02", title: "Lecture" },
        { identifier: "FHIR-LOC-01", title: "Recherche - par ville" },
        { identifier: "FHIR_PR.1", title: "Lecture" },
        { identifier: "ERR-1", title: "Erreur 404" },
      ],
    });
  });

  it("round-trips with formatRequiredCases", () => {
    const cases = [{ identifier: "A-1", title: "Premier" }, { identifier: "B-2", title: "Second — avec tiret" }];
    expect(parseRequiredCases(formatRequiredCases(cases))).toEqual({ ok: true, cases });
  });

  it.each([
    ["", /au moins un cas/],
    ["   \n  ", /au moins un cas/],
    ["FHIR-ORG-01", /Ligne 1 : écrivez l'identifiant/],
    ["A-1 — Un\n— sans identifiant", /Ligne 2 : écrivez l'identifiant/],
    ["A-1 — Un\nB-2 — Deux\na-1 — Encore", /Ligne 3 : l'identifiant « a-1 » est déjà utilisé ligne 1/],
    ["Cas n°1 — Titre", /Ligne 1 : l'identifiant « Cas n°1 » ne peut contenir/],
    ["-A — Titre", /Ligne 1 : écrivez l'identifiant|ne peut contenir/],
    [`${"X".repeat(65)} — Titre`, /dépasse 64 caractères/],
    [`A — ${"t".repeat(301)}`, /l'intitulé dépasse 300 caractères/],
  ])("refuses %j", (text, message) => {
    const result = parseRequiredCases(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it("refuses more than 500 cases", () => {
    const text = Array.from({ length: 501 }, (_, i) => `C-${i} — Cas ${i}`).join("\n");
    expect(parseRequiredCases(text)).toEqual({ ok: false, error: "Un plan ne peut pas compter plus de 500 cas de test requis." });
  });
});

describe("testPlanFormSchema", () => {
  const valid = {
    name: "Plan",
    api: "FHIR",
    description: "Description",
    profileIds: ["6f1c9b9e-3a51-4f7c-9d1e-2b8a4c6d8e01"],
    cases: "A-1 — Un",
    active: true,
  };
  it("accepts a complete plan and puts each problem on its field", () => {
    expect(testPlanFormSchema.safeParse(valid).success).toBe(true);
    const result = testPlanFormSchema.safeParse({ ...valid, name: " ", api: "SOAP", profileIds: [], cases: "A-1 — Un\nA-1 — Deux" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "api", "profileIds", "cases"]));
  });
});
