import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { uploadServiceCertificate, serviceCertificateRegistry } from "./service-certificates.server";
import { createTestAuthority, issueTestCertificate, generateTestKeys, type TestAuthority } from "./test-authority";

const request = { ip: "192.0.2.10", userAgent: "vitest" };
const now = new Date();
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const SIRET_A = "73282932000074";

let authority: TestAuthority;
let strangerAuthority: TestAuthority;
let actorA: Actor;
let actorB: Actor;
let serviceA: string;
let serviceA2: string;

async function organizationWithService(siret: string, email: string) {
  const profile = await db().accessProfile.findUniqueOrThrow({ where: { code: "2" } });
  const user = await db().user.create({ data: { email, name: email, passwordHash: "x", roles: ["EDITOR"] } });
  const organization = await db().organization.create({ data: { legalName: `Org ${siret}`, siret, address: "Paris" } });
  await db().membership.create({ data: { userId: user.id, organizationId: organization.id, isLegalRepresentative: true } });
  const service = () =>
    db().service.create({
      data: {
        organizationId: organization.id,
        name: "Orientation Plus",
        softwareName: "OP",
        softwareVersion: "1.0",
        description: "d",
        purposes: ["ORIENTATION"],
        users: "u",
        requestedProfileId: profile.id,
        profileJustification: "j",
        apis: ["FHIR"],
      },
    });
  const actor: Actor = { userId: user.id, roles: ["EDITOR"], memberships: [{ organizationId: organization.id, isLegalRepresentative: true }] };
  return { actor, services: [await service(), await service()] };
}

const leaf = (options: Partial<Parameters<typeof issueTestCertificate>[1]> = {}, from = authority) =>
  issueTestCertificate(from, {
    commonName: "Orientation Plus",
    structureId: `3${SIRET_A}`,
    organization: "Org A",
    notBefore: days(-1),
    notAfter: days(365),
    keyAlgorithm: "EC",
    ...options,
  });

beforeAll(async () => {
  [authority, strangerAuthority] = await Promise.all([
    createTestAuthority({ notBefore: days(-30), notAfter: days(3650), keyAlgorithm: "EC" }),
    createTestAuthority({ notBefore: days(-30), notAfter: days(3650), keyAlgorithm: "EC", rootCommonName: "Autre racine", issuingCommonName: "Autre AC" }),
  ]);
  for (const ca of [authority.root, authority.issuing]) {
    await db().caCertificate.create({
      data: {
        environment: "TEST",
        der: Buffer.from(ca.der),
        subjectDn: "test",
        issuerDn: "test",
        fingerprintSha256: Math.random().toString(36),
        notBefore: days(-30),
        notAfter: days(3650),
      },
    });
  }
  const a = await organizationWithService(SIRET_A, "a@exemple.fr");
  const b = await organizationWithService("13000548100010", "b@exemple.fr");
  actorA = a.actor;
  actorB = b.actor;
  [serviceA, serviceA2] = a.services.map((s) => s.id) as [string, string];
});

async function certificateCount() {
  return db().certificate.count();
}

describe("registering a service certificate", () => {
  it("stores a valid certificate with its facts, checks and audit event", async () => {
    const certificate = await leaf();
    const result = await uploadServiceCertificate(actorA, { serviceId: serviceA, environment: "TEST", pastedText: certificate.pem }, request, now);
    expect(result).toMatchObject({ ok: true, report: { verdict: "ok" } });
    const registry = await serviceCertificateRegistry(actorA, serviceA, "TEST", now);
    expect(registry.certificates).toHaveLength(1);
    expect(registry.certificates[0]).toMatchObject({ status: "active", report: { verdict: "ok" } });
    expect(await db().event.count({ where: { name: "certificate.uploaded" } })).toBe(1);
  });

  it("keeps a renewal and the old certificate, the old one replaced", async () => {
    const renewal = await leaf({ notBefore: days(-1), notAfter: days(700) });
    const result = await uploadServiceCertificate(actorA, { serviceId: serviceA, environment: "TEST", fileBytes: renewal.der }, request, days(0));
    expect(result.ok).toBe(true);
    const registry = await serviceCertificateRegistry(actorA, serviceA, "TEST", days(0));
    expect(registry.certificates.map((c) => c.status).sort()).toEqual(["active", "replaced"]);
  });

  it("accepts with a warning a certificate whose OU names another organisation", async () => {
    const other = await leaf({ structureId: "313000548100010" });
    const result = await uploadServiceCertificate(actorA, { serviceId: serviceA2, environment: "TEST", pastedText: other.pem }, request, now);
    expect(result).toMatchObject({ ok: true, report: { verdict: "warning" } });
  });

  it.each([
    ["a CA certificate", async () => ({ pastedText: authority.issuing.pem }), /Certificat refusé/],
    ["a certificate without client authentication", async () => ({ pastedText: (await leaf({ extendedKeyUsages: [] })).pem }), /Certificat refusé/],
    ["an expired certificate", async () => ({ pastedText: (await leaf({ notBefore: days(-400), notAfter: days(-2) })).pem }), /Certificat refusé/],
    ["a certificate of another CA", async () => ({ pastedText: (await leaf({}, strangerAuthority)).pem }), /Certificat refusé/],
    ["random bytes", async () => ({ fileBytes: new Uint8Array(512).map(() => Math.floor(Math.random() * 256)) }), /./],
    ["an empty paste and no file", async () => ({ pastedText: "   " }), /Déposez le fichier/],
  ])("refuses %s next to the field and stores nothing", async (_label, input, message) => {
    const before = await certificateCount();
    const result = await uploadServiceCertificate(actorA, { serviceId: serviceA2, environment: "TEST", ...(await input()) }, request, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.certificate).toMatch(message);
    expect(await certificateCount()).toBe(before);
  });

  it("refuses a private key and never stores or echoes it", async () => {
    const keys = await generateTestKeys("EC");
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey)).toString("base64");
    const pem = `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`;
    const before = await certificateCount();
    const result = await uploadServiceCertificate(actorA, { serviceId: serviceA2, environment: "TEST", pastedText: pem }, request, now);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(pkcs8.slice(10, 40));
    if (!result.ok) expect(result.fieldErrors.certificate).toMatch(/clé privée/);
    expect(await certificateCount()).toBe(before);
  });

  it("refuses a certificate already registered for another active service", async () => {
    const shared = await leaf({ commonName: "Partagé" });
    expect((await uploadServiceCertificate(actorA, { serviceId: serviceA, environment: "TEST", pastedText: shared.pem }, request, now)).ok).toBe(true);
    const second = await uploadServiceCertificate(actorA, { serviceId: serviceA2, environment: "TEST", pastedText: shared.pem }, request, now);
    expect(second.ok).toBe(false);
  });

  it("lets no editor of another organisation read or add certificates, even with the right id", async () => {
    const certificate = await leaf();
    await expect(uploadServiceCertificate(actorB, { serviceId: serviceA, environment: "TEST", pastedText: certificate.pem }, request, now)).rejects.toThrow(AppError);
    await expect(serviceCertificateRegistry(actorB, serviceA, "TEST", now)).rejects.toThrow("Service introuvable.");
  });
});
