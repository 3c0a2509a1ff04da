import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { certificateFacts } from "./certificate-facts";
import {
  CERTIFICATE_CHECK_TITLES,
  CHECK_VERDICT_LABELS,
  checkCertificate,
  type CertificateCheck,
  type CertificateCheckContext,
  type CertificateCheckId,
} from "./certificate-policy";
import { EKU_SERVER_AUTH } from "./certificate-usages";
import {
  createTestAuthority,
  generateTestKeys,
  issueTestCertificate,
  type TestAuthority,
  type TestLeafOptions,
} from "../testing/test-authority";

const seedData = path.resolve(import.meta.dirname, "../../prisma/seed-data/igc-sante");
const productionBundle = ["AC-IGC-SANTE-ELEMENTAIRE-ORGANISATIONS.cer", "AC-RACINE-IGC-SANTE-ELEMENTAIRE.cer"].map((name) => ({
  der: new Uint8Array(readFileSync(path.join(seedData, name))),
}));

const now = new Date("2026-03-01T10:00:00Z");
const SIRET = "73282932000074";
const caValidity = { notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") };
const leafValidity = { notBefore: new Date("2026-01-01T00:00:00Z"), notAfter: new Date("2027-03-01T10:00:00Z") };

let authority: TestAuthority;
let leafKeys: CryptoKeyPair;
let context: CertificateCheckContext;

beforeAll(async () => {
  // RSA 2048 as IGC Santé issues; one key pair serves every leaf of this file.
  [authority, leafKeys] = await Promise.all([createTestAuthority(caValidity), generateTestKeys("RSA")]);
  context = {
    now,
    caBundle: [{ der: authority.issuing.der }, { der: authority.root.der }],
    organization: { siret: "732 829 320 00074" },
    fingerprintsOfOtherActiveServices: new Set(),
  };
});

async function leaf(options: Partial<TestLeafOptions> = {}, from: TestAuthority = authority) {
  return issueTestCertificate(from, {
    commonName: "Agenda Santé",
    structureId: `3${SIRET}`,
    organization: "Éditeur Démo",
    keys: leafKeys,
    ...leafValidity,
    ...options,
  });
}

async function check(der: Uint8Array, overrides: Partial<CertificateCheckContext> = {}) {
  return checkCertificate(certificateFacts(der), der, { ...context, ...overrides });
}

function find(checks: CertificateCheck[], id: CertificateCheckId): CertificateCheck {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`No check ${id}`);
  return found;
}

describe("a conforming certificate", () => {
  it("passes every check, in order, with French titles and details", async () => {
    const certificate = await leaf();
    const report = await check(certificate.der);
    expect(report.verdict).toBe("ok");
    expect(report.checks.map((c) => [c.id, c.verdict])).toEqual([
      ["end_entity_client_auth", "ok"],
      ["validity", "ok"],
      ["chain", "ok"],
      ["structure_identifier", "ok"],
      ["unique_fingerprint", "ok"],
    ]);
    for (const c of report.checks) expect(c.title).toBe(CERTIFICATE_CHECK_TITLES[c.id]);
    expect(find(report.checks, "validity").detail).toBe("Valide jusqu'au 1 mars 2027 (365 jours restants).");
    expect(find(report.checks, "chain").detail).toBe(
      "Chaîne vérifiée : « Agenda Santé » → « TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS » → " +
        "« TEST AC RACINE IGC-SANTE ELEMENTAIRE ». Signatures et dates de validité des autorités contrôlées.",
    );
    expect(find(report.checks, "structure_identifier").detail).toBe("L'OU du certificat porte le SIRET 732 829 320 00074 de votre organisation.");
  });

  it("counts the days left, in the singular when needed", async () => {
    const certificate = await leaf();
    const dayBefore = new Date("2027-02-28T09:00:00Z");
    expect(find((await check(certificate.der, { now: dayBefore })).checks, "validity").detail).toBe(
      "Valide jusqu'au 1 mars 2027 (1 jour restant).",
    );
    const hoursBefore = new Date("2027-03-01T08:00:00Z");
    expect(find((await check(certificate.der, { now: hoursBefore })).checks, "validity").detail).toBe(
      "Valide jusqu'au 1 mars 2027 (dernier jour).",
    );
  });
});

describe("end entity with client authentication", () => {
  it("refuses a CA certificate", async () => {
    const certificate = await leaf({ commonName: "Sous-autorité", isCa: true });
    const report = await check(certificate.der);
    const result = find(report.checks, "end_entity_client_auth");
    expect(result.verdict).toBe("error");
    expect(result.detail).toContain("autorité de certification (« Sous-autorité »)");
    expect(report.verdict).toBe("error");
  });

  it("refuses a certificate without the client authentication usage, listing the usages it has", async () => {
    const server = find((await check((await leaf({ extendedKeyUsages: [EKU_SERVER_AUTH] })).der)).checks, "end_entity_client_auth");
    expect(server.verdict).toBe("error");
    expect(server.detail).toContain("ne porte pas l'usage « Authentification client »");
    expect(server.detail).toContain("Usages présents : Authentification serveur.");
    const none = find((await check((await leaf({ extendedKeyUsages: [] })).der)).checks, "end_entity_client_auth");
    expect(none.verdict).toBe("error");
    expect(none.detail).toContain("Le certificat ne déclare aucun usage étendu.");
  });
});

describe("validity", () => {
  it("refuses an expired certificate, with its end date in French", async () => {
    const certificate = await leaf({ notBefore: new Date("2025-02-03T00:00:00Z"), notAfter: new Date("2026-02-03T12:00:00Z") });
    const result = find((await check(certificate.der)).checks, "validity");
    expect(result).toMatchObject({ verdict: "error" });
    expect(result.detail).toContain("expiré depuis le 3 février 2026");
  });

  it("only warns about a certificate not yet valid, with its start date", async () => {
    const certificate = await leaf({ notBefore: new Date("2026-04-15T08:30:00Z"), notAfter: new Date("2029-04-15T08:30:00Z") });
    const report = await check(certificate.der);
    expect(find(report.checks, "validity")).toMatchObject({
      verdict: "warning",
      detail: "Ce certificat ne sera valide qu'à partir du 15 avril 2026 à 10:30 : il ne pourra pas servir avant cette date.",
    });
    expect(report.verdict).toBe("warning");
  });

  it("dates in Europe/Paris: an end at 23:30 UTC is the next day in Paris", async () => {
    const certificate = await leaf({ notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2026-02-02T23:30:00Z") });
    expect(find((await check(certificate.der)).checks, "validity").detail).toContain("expiré depuis le 3 février 2026");
  });
});

describe("chain", () => {
  it("refuses a certificate from another CA bearing the same names: signatures are verified, not only names", async () => {
    const impostor = await createTestAuthority({ ...caValidity, keyAlgorithm: "EC" });
    const certificate = await leaf({ keys: undefined, keyAlgorithm: "EC" }, impostor);
    const result = find((await check(certificate.der)).checks, "chain");
    expect(result.verdict).toBe("error");
    expect(result.detail).toContain("ne chaîne pas vers les autorités de certification de cet environnement");
    expect(result.detail).toContain("sa signature ne correspond pas");
    // Its own chain accepts it.
    const own = { caBundle: [{ der: impostor.issuing.der }, { der: impostor.root.der }] };
    expect(find((await check(certificate.der, own)).checks, "chain").verdict).toBe("ok");
  });

  it("refuses a test certificate against the production bundle, naming both sides", async () => {
    const result = find((await check((await leaf()).der, { caBundle: productionBundle })).checks, "chain");
    expect(result.verdict).toBe("error");
    expect(result.detail).toBe(
      "Ce certificat ne chaîne pas vers les autorités de certification de cet environnement " +
        "(« AC IGC-SANTE ELEMENTAIRE ORGANISATIONS », « AC RACINE IGC-SANTE ELEMENTAIRE ») : il a été émis par " +
        "« TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS ». Vérifiez qu'il s'agit bien d'un certificat IGC Santé de " +
        "l'environnement attendu (test ou production).",
    );
  });

  it("accepts a bundle holding only the issuing CA (a trust anchor), refuses one missing it", async () => {
    const certificate = await leaf();
    expect(find((await check(certificate.der, { caBundle: [{ der: authority.issuing.der }] })).checks, "chain")).toMatchObject({
      verdict: "ok",
      detail: expect.stringContaining("« Agenda Santé » → « TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS ». Signatures"),
    });
    expect(find((await check(certificate.der, { caBundle: [{ der: authority.root.der }] })).checks, "chain").verdict).toBe("error");
    expect(find((await check(certificate.der, { caBundle: [] })).checks, "chain")).toMatchObject({
      verdict: "error",
      detail: expect.stringContaining("Aucune autorité de certification n'est configurée"),
    });
  });

  it("refuses a chain whose issuing CA has expired, or whose root is not valid yet", async () => {
    const expired = await createTestAuthority({
      ...caValidity,
      keyAlgorithm: "EC",
      issuingValidity: { notBefore: new Date("2020-01-01T00:00:00Z"), notAfter: new Date("2026-01-31T12:00:00Z") },
    });
    const certificate = await leaf({ keys: undefined, keyAlgorithm: "EC" }, expired);
    const bundle = { caBundle: [{ der: expired.issuing.der }, { der: expired.root.der }] };
    expect(find((await check(certificate.der, bundle)).checks, "chain").detail).toBe(
      "Ce certificat ne chaîne pas vers les autorités de certification de cet environnement : l'autorité " +
        "« TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS » est expirée depuis le 31 janvier 2026.",
    );
    const early = await check(certificate.der, { ...bundle, now: new Date("2024-06-01T00:00:00Z") });
    expect(find(early.checks, "chain").detail).toContain(
      "l'autorité « TEST AC RACINE IGC-SANTE ELEMENTAIRE » ne sera valide qu'à partir du 1 janvier 2025",
    );
  });

  it("refuses a certificate issued below a CA whose path length forbids it", async () => {
    // The issuing CA has pathLenConstraint 0: a CA below it may not issue certificates.
    const subordinate = await leaf({ commonName: "Sous-autorité", isCa: true });
    const below = await issueTestCertificate(
      { root: authority.root, issuing: { ...subordinate, privateKey: leafKeys.privateKey } },
      { commonName: "Trop loin", keys: leafKeys, ...leafValidity },
    );
    const bundle = [{ der: subordinate.der }, { der: authority.issuing.der }, { der: authority.root.der }];
    expect(find((await check(below.der, { caBundle: bundle })).checks, "chain").detail).toContain(
      "la chaîne dépasse la longueur permise par l'autorité « TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS »",
    );
  });
});

describe("national structure identifier", () => {
  it.each([
    [`3${SIRET}`, "ok", "L'OU du certificat porte le SIRET 732 829 320 00074 de votre organisation."],
    ["2732829320", "ok", "L'OU du certificat porte le SIREN 732 829 320 de votre organisation."],
    [
      "373282932000082",
      "warning",
      "L'OU du certificat porte le SIRET 732 829 320 00082 : c'est un autre établissement de la même entreprise " +
        "(SIREN 732 829 320) que votre organisation (SIRET 732 829 320 00074). À vérifier par l'instructeur.",
    ],
    [
      "344306184100047",
      "warning",
      "L'OU du certificat porte le SIRET 443 061 841 00047, qui ne correspond pas à votre organisation " +
        "(SIRET 732 829 320 00074). À vérifier par l'instructeur.",
    ],
    [
      "2443061841",
      "warning",
      "L'OU du certificat porte le SIREN 443 061 841, qui ne correspond pas à votre organisation (SIRET 732 829 320 00074). " +
        "À vérifier par l'instructeur.",
    ],
    [
      "1750712184",
      "warning",
      "L'OU du certificat porte le numéro FINESS 750712184 : son rattachement à votre organisation (SIRET " +
        "732 829 320 00074) ne peut pas être vérifié automatiquement. À vérifier par l'instructeur.",
    ],
    ["12A0000001", "warning", "L'OU du certificat porte le numéro FINESS 2A0000001 : son rattachement"],
  ])("OU=%s gives %s", async (structureId, verdict, detail) => {
    const result = find((await check((await leaf({ structureId })).der)).checks, "structure_identifier");
    expect(result.verdict).toBe(verdict);
    expect(result.detail.startsWith(detail)).toBe(true);
  });

  it("only warns when the OU holds no identifier", async () => {
    for (const structureId of [null, "Service informatique", "0002 187512751"]) {
      const report = await check((await leaf({ structureId })).der);
      expect(find(report.checks, "structure_identifier")).toMatchObject({
        verdict: "warning",
        detail: expect.stringContaining("Aucun identifiant national de structure (1 + FINESS, 2 + SIREN ou 3 + SIRET)"),
      });
      expect(report.verdict).toBe("warning");
    }
  });
});

describe("unique fingerprint", () => {
  it("refuses a certificate already registered for another active service, whatever the fingerprint's notation", async () => {
    const certificate = await leaf();
    const fingerprint = certificateFacts(certificate.der).fingerprintSha256;
    for (const notation of [fingerprint, fingerprint.replace(/:/g, "").toLowerCase()]) {
      const report = await check(certificate.der, { fingerprintsOfOtherActiveServices: new Set(["AA:BB", notation]) });
      expect(find(report.checks, "unique_fingerprint")).toMatchObject({
        verdict: "error",
        detail: expect.stringContaining("déjà enregistré pour un autre service numérique actif"),
      });
      expect(report.verdict).toBe("error");
    }
  });
});

it("labels verdicts in French", () => {
  expect(CHECK_VERDICT_LABELS).toEqual({ ok: "Conforme", warning: "À vérifier", error: "Non conforme" });
});

describe("the structure identifier check, as a reviewer reads it", () => {
  it("names the editor's organisation instead of saying « votre organisation »", async () => {
    const certificate = await leaf();
    const report = await check(certificate.der, { reader: "reviewer", organization: { siret: SIRET, name: "Orientis" } });
    const detail = find(report.checks, "structure_identifier").detail;
    expect(detail).toContain("de l'éditeur Orientis");
    expect(detail).not.toContain("votre organisation");
  });
});
