import { describe, expect, it } from "vitest";
import { completenessSummary, serviceCompleteness, storedVerdict, type CompletenessInput } from "./completeness";

const now = new Date("2026-03-10T12:00:00Z");
const day = 24 * 60 * 60 * 1000;
const at = (offsetDays: number) => new Date(now.getTime() + offsetDays * day);

const base: CompletenessInput = {
  serviceId: "11111111-1111-4111-8111-111111111111",
  organizationId: "22222222-2222-4222-8222-222222222222",
  charter: { acceptedCurrent: false, currentVersion: "0.1" },
  purposes: ["ORIENTATION"],
  urls: [],
  profile: { label: "Profil 2 — données restreintes", requiresCertificate: true },
  certificates: [],
  platinesPlans: [],
  attestations: { sealed: 0, inProgress: 0 },
  now,
};

function certificate(overrides: Partial<CompletenessInput["certificates"][number]> = {}): CompletenessInput["certificates"][number] {
  return { id: "c1", environment: "TEST", notBefore: at(-30), notAfter: at(300), uploadedAt: at(-1), verdict: "ok", ...overrides };
}

const item = (input: CompletenessInput, id: string) => serviceCompleteness(input).find((i) => i.id === id)!;

describe("the completeness of a service", () => {
  it("lists the items in order, the next steps' items as upcoming", () => {
    const items = serviceCompleteness(base);
    expect(items.map((i) => [i.id, i.state])).toEqual([
      ["charter", "missing"],
      ["purpose", "done"],
      ["url", "missing"],
      ["certificate", "missing"],
      ["attestation", "missing"],
      ["platines", "done"],
    ]);
    expect(items.map((i) => i.label)).toEqual([
      "Charte d'accès aux données du ROR acceptée",
      "Finalité du service indiquée",
      "URL du service déclarée",
      "Certificat IGC Santé actif et conforme",
      "Attestation de client signée (annexe 1)",
      "Résultats PLATINES",
    ]);
    for (const upcoming of items.filter((i) => i.state === "upcoming")) {
      expect(upcoming.done).toBe(false);
      expect(upcoming.href).toBeNull();
      expect(upcoming.detail).toMatch(/prochaines étapes/);
    }
  });

  it("links each missing item to where it is fixed", () => {
    const items = serviceCompleteness({ ...base, purposes: [], platinesPlans: [{ name: "Recherche", satisfied: false }] });
    expect(items.filter((i) => i.state === "missing").map((i) => [i.id, i.href, i.actionLabel])).toEqual([
      ["charter", "/editeur/charte?organisation=22222222-2222-4222-8222-222222222222", "Accepter la charte"],
      ["purpose", "/editeur/services/11111111-1111-4111-8111-111111111111/modifier", "Indiquer la finalité"],
      ["url", "#urls", "Déclarer une URL"],
      ["certificate", "/editeur/services/11111111-1111-4111-8111-111111111111/certificats?environnement=TEST", "Déposer un certificat"],
      ["attestation", "/editeur/services/11111111-1111-4111-8111-111111111111/attestations", "Remplir une attestation"],
      ["platines", "/editeur/services/11111111-1111-4111-8111-111111111111/platines", "Déposer des résultats PLATINES"],
    ]);
  });

  it("marks the charter done once the current version is accepted", () => {
    const charter = item({ ...base, charter: { acceptedCurrent: true, currentVersion: "0.2" } }, "charter");
    expect(charter).toMatchObject({ done: true, state: "done", actionLabel: null });
    expect(charter.detail).toContain("0.2");
  });

  it("counts URLs of both environments", () => {
    const url = item({ ...base, urls: [{ environment: "TEST" }, { environment: "PRODUCTION" }, { environment: "TEST" }] }, "url");
    expect(url.done).toBe(true);
    expect(url.detail).toBe("3 URL déclarées (test : 2, production : 1).");
  });

  it("needs an active certificate whose checks did not fail", () => {
    expect(item({ ...base, certificates: [certificate()] }, "certificate")).toMatchObject({ done: true });
    expect(item({ ...base, certificates: [certificate({ verdict: "warning" })] }, "certificate").detail).toMatch(/l'instructeur vérifiera/);
    expect(item({ ...base, certificates: [certificate({ verdict: "error" })] }, "certificate")).toMatchObject({
      done: false,
      detail: "Le certificat actif n'est pas conforme. Déposez un certificat qui passe les contrôles.",
    });
    expect(item({ ...base, certificates: [certificate({ verdict: null })] }, "certificate").done).toBe(false);
    expect(item({ ...base, certificates: [certificate({ notAfter: at(-1) })] }, "certificate").done).toBe(false);
    expect(item({ ...base, certificates: [certificate({ notBefore: at(2) })] }, "certificate").done).toBe(false);
  });

  it("looks only at the active certificate: a good one replaced by a failing one does not count", () => {
    const older = certificate({ id: "old", uploadedAt: at(-20) });
    const newer = certificate({ id: "new", uploadedAt: at(-1), verdict: "error" });
    expect(item({ ...base, certificates: [older, newer] }, "certificate").done).toBe(false);
  });

  it("computes statuses per environment: a production certificate does not replace the test one", () => {
    const test = certificate({ id: "test", uploadedAt: at(-20) });
    const production = certificate({ id: "production", environment: "PRODUCTION", uploadedAt: at(-1), verdict: "error" });
    const result = item({ ...base, certificates: [test, production] }, "certificate");
    expect(result.done).toBe(true);
    expect(result.detail).toBe("Certificat actif en environnement de test.");
    const both = item({ ...base, certificates: [test, { ...production, verdict: "ok" }] }, "certificate");
    expect(both.detail).toBe("Certificat actif en environnement de test et de production.");
  });

  it("asks for one sealed client attestation, linking to the service's attestations", () => {
    expect(item(base, "attestation")).toMatchObject({
      done: false,
      state: "missing",
      href: "/editeur/services/11111111-1111-4111-8111-111111111111/attestations",
      actionLabel: "Remplir une attestation",
    });
    expect(item({ ...base, attestations: { sealed: 0, inProgress: 2 } }, "attestation")).toMatchObject({
      done: false,
      detail: "2 attestations en cours : il faut qu'au moins une soit signée par le client et par votre représentant légal.",
      actionLabel: "Suivre les attestations",
    });
    expect(item({ ...base, attestations: { sealed: 1, inProgress: 1 } }, "attestation")).toMatchObject({ done: true, state: "done", detail: "1 attestation signée et scellée.", actionLabel: null });
    expect(item({ ...base, profile: { label: "Profil 0", requiresCertificate: false } }, "attestation")).toMatchObject({ done: true, state: "done" });
  });

  it("does not ask for a certificate when the requested profile does not require one", () => {
    const result = item({ ...base, profile: { label: "Profil 0 — données en libre accès", requiresCertificate: false } }, "certificate");
    expect(result).toMatchObject({ done: true, state: "done" });
    expect(result.detail).toBe("Le profil demandé (Profil 0 — données en libre accès) ne requiert pas de certificat.");
  });

  it("summarises what can be completed today, upcoming items aside", () => {
    expect(completenessSummary(serviceCompleteness(base))).toEqual({
      done: 2,
      total: 6,
      missing: ["Charte d'accès aux données du ROR acceptée", "URL du service déclarée", "Certificat IGC Santé actif et conforme", "Attestation de client signée (annexe 1)"],
      upcoming: 0,
    });
    const complete = {
      ...base,
      charter: { acceptedCurrent: true, currentVersion: "0.1" },
      urls: [{ environment: "TEST" as const }],
      certificates: [certificate()],
      attestations: { sealed: 1, inProgress: 0 },
    };
    expect(completenessSummary(serviceCompleteness(complete))).toMatchObject({ done: 6, total: 6, missing: [] });
  });
});

describe("the PLATINES item", () => {
  it("is done with nothing to do when no active plan applies to the requested profile", () => {
    const result = item({ ...base, profile: { label: "Profil 0 — données en libre accès", requiresCertificate: false } }, "platines");
    expect(result).toMatchObject({ done: true, state: "done", actionLabel: null, href: "/editeur/services/11111111-1111-4111-8111-111111111111/platines" });
    expect(result.detail).toBe("Aucun test PLATINES n'est exigé pour le profil demandé (Profil 0 — données en libre accès).");
  });

  it("is missing while one applicable plan is not satisfied, naming the plans left", () => {
    const result = item(
      { ...base, platinesPlans: [{ name: "Recherche et lecture", satisfied: true }, { name: "Pagination", satisfied: false }, { name: "Erreurs", satisfied: false }] },
      "platines",
    );
    expect(result).toMatchObject({ done: false, state: "missing", actionLabel: "Déposer des résultats PLATINES" });
    expect(result.detail).toBe("À satisfaire par une session d'homologation réussie : « Pagination », « Erreurs ».");
  });

  it("is done once every applicable plan is satisfied", () => {
    const one = item({ ...base, platinesPlans: [{ name: "Recherche", satisfied: true }] }, "platines");
    expect(one).toMatchObject({ done: true, state: "done", detail: "1 plan de tests satisfait par une session d'homologation." });
    const two = item({ ...base, platinesPlans: [{ name: "A", satisfied: true }, { name: "B", satisfied: true }] }, "platines");
    expect(two.detail).toBe("2 plans de tests satisfaits par une session d'homologation.");
  });
});

describe("the stored verdict of a certificate", () => {
  it("reads the overall verdict of the stored checks, and nothing else", () => {
    expect(storedVerdict({ verdict: "warning", checks: [] })).toBe("warning");
    expect(storedVerdict({ verdict: "ok" })).toBe("ok");
    expect(storedVerdict({ verdict: "error", checks: [{ id: "chain", verdict: "error" }] })).toBe("error");
    expect(storedVerdict({ verdict: "parfait" })).toBeNull();
    expect(storedVerdict(null)).toBeNull();
    expect(storedVerdict("ok")).toBeNull();
    expect(storedVerdict([])).toBeNull();
  });
});
