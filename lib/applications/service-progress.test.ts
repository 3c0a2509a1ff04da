import { describe, expect, it } from "vitest";
import { serviceCompleteness, type CompletenessInput } from "../services/completeness";
import { serviceProgress, type ServiceProgressInput } from "./service-progress";

const now = new Date("2026-12-02T10:00:00Z");
const profile0 = { label: "Profil 0", requiresCertificate: false };

function completeness(overrides: Partial<CompletenessInput> = {}) {
  return serviceCompleteness({
    serviceId: "s1",
    organizationId: "o1",
    charter: { acceptedCurrent: true, currentVersion: "0.1" },
    purposes: ["ORIENTATION"],
    urls: [{ environment: "TEST" }],
    profile: profile0,
    certificates: [],
    platinesPlans: [],
    attestations: { sealed: 0, inProgress: 0 },
    now,
    ...overrides,
  });
}

function input(overrides: Partial<ServiceProgressInput> = {}): ServiceProgressInput {
  return {
    serviceId: "s1",
    serviceName: "Orientation",
    completeness: completeness(),
    profile: { label: "Profil 0", active: true },
    openApplication: null,
    lastClosed: null,
    enrolment: null,
    ...overrides,
  };
}

describe("where a service stands, and its one next step", () => {
  it("asks first for the charter while it is not accepted", () => {
    const progress = serviceProgress(input({ completeness: completeness({ charter: { acceptedCurrent: false, currentVersion: "0.1" } }) }));
    expect(progress.stage).toBe("Service déclaré, dossier à constituer");
    expect(progress.next).toMatchObject({ linkLabel: "Accepter la charte", href: "/editeur/charte?organisation=o1" });
  });

  it("then the first missing piece, linked to the service page", () => {
    const progress = serviceProgress(input({ completeness: completeness({ urls: [] }) }));
    expect(progress.next).toMatchObject({ linkLabel: "Déclarer une URL", href: "/editeur/services/s1#urls" });
  });

  it("offers to create the dossier once everything is there", () => {
    expect(serviceProgress(input()).next).toMatchObject({ linkLabel: "Créer le dossier d'adhésion", href: "/editeur/services/s1#dossier" });
  });

  it("offers to submit a complete draft", () => {
    const progress = serviceProgress(input({ openApplication: { id: "a1", status: "DRAFT", kind: "NEW" } }));
    expect(progress.stage).toBe("Dossier d'adhésion en préparation");
    expect(progress.next).toMatchObject({ linkLabel: "Déposer le dossier", href: "/editeur/dossiers/a1" });
  });

  it("asks nothing once submitted: the editor waits for ANS", () => {
    const progress = serviceProgress(input({ openApplication: { id: "a1", status: "SUBMITTED", kind: "NEW" } }));
    expect(progress.stage).toBe("Dossier déposé, en attente d'instruction");
    expect(progress.next).toBeNull();
    expect(progress.waiting).toMatch(/courriel/);
  });

  it("leads back to the dossier when the reviewer asked for changes", () => {
    const progress = serviceProgress(input({ openApplication: { id: "a1", status: "CHANGES_REQUESTED", kind: "NEW" } }));
    expect(progress.next).toMatchObject({ href: "/editeur/dossiers/a1" });
  });

  it("says the service is enrolled after approval, and asks nothing", () => {
    const progress = serviceProgress(input({ enrolment: { status: "ACTIVE", profileLabel: "Profil 0 — données en libre accès" } }));
    expect(progress.stage).toBe("Habilité : Profil 0 — données en libre accès");
    expect(progress.next).toBeNull();
  });

  it("keeps the enrolment in sight during an amendment", () => {
    const progress = serviceProgress(
      input({ enrolment: { status: "ACTIVE", profileLabel: "Profil 2" }, openApplication: { id: "a2", status: "SUBMITTED", kind: "AMENDMENT" } }),
    );
    expect(progress.stage).toBe("Habilité : Profil 2 ; demande de modification déposée, en attente d'instruction");
  });

  it("says a refused dossier was refused, and leads to a new one", () => {
    const progress = serviceProgress(input({ lastClosed: { id: "a1", status: "REFUSED" } }));
    expect(progress.stage).toBe("Dossier refusé");
    expect(progress.next?.linkLabel).toBe("Créer le dossier d'adhésion");
  });
});
