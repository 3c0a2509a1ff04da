import { describe, expect, it } from "vitest";
import { buildSnapshot, normalizeSearch, parseSnapshot, searchTextOf, type SnapshotInput } from "./snapshot";
import { diffSnapshots, diffSummary, parseDiff } from "./snapshot-diff";

const input: SnapshotInput = {
  organization: { id: "o1", name: "Santé Numérique SAS", siret: "73282932000074", address: "1 rue de la Paix, 75002 Paris" },
  service: {
    id: "s1",
    name: "Orientation Plus",
    softwareName: "OrientSoft",
    softwareVersion: "4.2",
    description: "Aide à l'orientation.",
    purposes: ["ORIENTATION"],
    users: "Régulateurs",
    requestedProfile: { code: "2", label: "Profil 2 — données restreintes" },
    profileJustification: "Numéros directs.",
    apis: ["FHIR"],
  },
  urls: [
    { environment: "PRODUCTION", url: "https://prod.exemple.fr" },
    { environment: "TEST", url: "https://test.exemple.fr" },
  ],
  certificates: [
    {
      fingerprintSha256: "aa11",
      fingerprintSha1: "bb11",
      subjectDn: "CN=Orientation Plus, O=Santé Numérique",
      issuerDn: "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS",
      serialNumber: "01",
      environment: "TEST",
      notBefore: new Date("2026-01-01T00:00:00Z"),
      notAfter: new Date("2028-01-01T00:00:00Z"),
      verdict: "ok",
    },
  ],
  attestations: [{ id: "att-1", clientName: "CHU de Rennes", sealedSha256: "ff00" }],
  platines: [{ planCode: "profil-2", planLabel: "Profil 2", verdict: "satisfied", verdictLabel: "Satisfait" }],
  charter: { version: "0.1", acceptedAt: new Date("2026-02-01T10:00:00Z") },
};

const snapshot = buildSnapshot(input);

describe("the snapshot of a submission", () => {
  it("is plain JSON in a stable order, whatever the input order", () => {
    const shuffled = buildSnapshot({ ...input, urls: [...input.urls].reverse() });
    expect(shuffled).toEqual(snapshot);
    expect(snapshot.urls.map((u) => u.environment)).toEqual(["TEST", "PRODUCTION"]);
    expect(snapshot.certificates[0]!.notBefore).toBe("2026-01-01T00:00:00.000Z");
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it("reads back only a snapshot of the expected shape", () => {
    expect(parseSnapshot({ schemaVersion: 1 })).toBeNull();
    expect(parseSnapshot(null)).toBeNull();
    expect(parseSnapshot("<script>")).toBeNull();
  });

  it("searches on lower-case, accent-free text", () => {
    expect(searchTextOf({ organizationName: "Santé  Numérique SAS", siret: "73282932000074", serviceName: "Écho" })).toBe("sante numerique sas 73282932000074 echo");
    expect(normalizeSearch("  SANTÉ ")).toBe("sante");
  });
});

describe("the diff between two submissions", () => {
  it("is empty when nothing changed", () => {
    expect(diffSnapshots(snapshot, buildSnapshot(input))).toEqual([]);
    expect(diffSummary([])).toBe("Aucune modification depuis le dépôt précédent.");
  });

  it("names every change in French, section by section", () => {
    const after = buildSnapshot({
      ...input,
      organization: { ...input.organization, address: "2 avenue de France, 75013 Paris" },
      service: {
        ...input.service,
        softwareVersion: "4.3",
        purposes: ["ORIENTATION", "COORDINATION"],
        apis: [],
        requestedProfile: { code: "1", label: "Profil 1 — données restreintes et très restreintes" },
      },
      urls: [{ environment: "TEST", url: "https://test.exemple.fr" }, { environment: "PRODUCTION", url: "https://api.exemple.fr" }],
      certificates: [{ ...input.certificates[0]!, verdict: "warning" }],
      attestations: [],
      platines: [{ ...input.platines[0]!, verdict: "not_satisfied", verdictLabel: "Non satisfait" }],
      charter: { version: "0.2", acceptedAt: new Date("2026-03-01T10:00:00Z") },
    });
    const changes = diffSnapshots(snapshot, after);
    expect(changes.map((c) => [c.section, c.field, c.kind, c.before, c.after])).toEqual([
      ["Organisation", "Adresse", "changed", "1 rue de la Paix, 75002 Paris", "2 avenue de France, 75013 Paris"],
      ["Service numérique", "Version du logiciel", "changed", "4.2", "4.3"],
      ["Service numérique", "Profil d'accès demandé", "changed", "Profil 2 — données restreintes", "Profil 1 — données restreintes et très restreintes"],
      ["Service numérique", "Finalité", "added", null, "Coordination"],
      ["Service numérique", "API du ROR appelée", "removed", "API FHIR", null],
      ["URL", "URL de production", "removed", "https://prod.exemple.fr", null],
      ["URL", "URL de production", "added", null, "https://api.exemple.fr"],
      [
        "Certificats",
        "Certificat de test",
        "changed",
        "CN=Orientation Plus, O=Santé Numérique (test, empreinte SHA-256 aa11, valide du 1 janvier 2026 au 1 janvier 2028, conforme)",
        "CN=Orientation Plus, O=Santé Numérique (test, empreinte SHA-256 aa11, valide du 1 janvier 2026 au 1 janvier 2028, conforme avec avertissements)",
      ],
      ["Attestations de client", "Attestation du client CHU de Rennes", "removed", "CHU de Rennes (PDF scellé, SHA-256 ff00)", null],
      ["Résultats PLATINES", "Plan de tests Profil 2", "changed", "Satisfait", "Non satisfait"],
      ["Charte", "Version acceptée", "changed", "0.1", "0.2"],
    ]);
    expect(diffSummary(changes)).toBe("11 modifications depuis le dépôt précédent.");
    expect(parseDiff(JSON.parse(JSON.stringify(changes)))).toEqual(changes);
  });

  it("shows a renewed certificate as one removed and one added", () => {
    const renewed = { ...input.certificates[0]!, fingerprintSha256: "bb22", serialNumber: "02", notBefore: new Date("2027-12-01T00:00:00Z"), notAfter: new Date("2029-12-01T00:00:00Z") };
    const changes = diffSnapshots(snapshot, buildSnapshot({ ...input, certificates: [renewed] }));
    expect(changes.map((c) => [c.field, c.kind])).toEqual([
      ["Certificat de test", "removed"],
      ["Certificat de test", "added"],
    ]);
    expect(changes[1]!.after).toContain("bb22");
    expect(diffSummary(changes.slice(0, 1))).toBe("1 modification depuis le dépôt précédent.");
  });

  it("reports a charter accepted for the first time as added", () => {
    const before = buildSnapshot({ ...input, charter: { version: null, acceptedAt: null } });
    expect(diffSnapshots(before, snapshot)).toEqual([{ section: "Charte", field: "Version acceptée", kind: "added", before: null, after: "0.1" }]);
  });

  it("reads back only a diff of the expected shape", () => {
    expect(parseDiff(null)).toBeNull();
    expect(parseDiff([{ section: "x" }])).toBeNull();
  });
});
