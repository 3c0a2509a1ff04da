import "server-only";
// Helpers for the application integration tests only (never imported by the app). They build the data with the
// lowest-level helpers there are: sign-up and service use cases, and direct rows for what other areas own.
import { randomBytes } from "node:crypto";
import { createPerson } from "./catalogue-fixtures.server";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { newOrganization, testRequest } from "./organization-fixtures.server";
import { passingReport } from "../platines/sample-reports";
import { submitPlatinesSession } from "../platines/submissions.server";
import { createService } from "../services/services.server";

export { testRequest };

export async function profileByCode(code: string) {
  return db().accessProfile.findUniqueOrThrow({ where: { code } });
}

export async function reviewer(name = "Inès Tructeur") {
  return createPerson(["ANS_REVIEWER"], name);
}

/** The organisation's legal representative accepts the current charter (a direct row, as the charter page would). */
async function acceptCurrentCharter(organizationId: string, userId: string) {
  const current = await db().charterVersion.findFirst({ where: { publishedAt: { not: null } }, orderBy: { publishedAt: "desc" } });
  if (current) await db().charterAcceptance.create({ data: { organizationId, charterVersionId: current.id, userId, ip: testRequest.ip, userAgent: "vitest" } });
}

/** A certificate row as the registry stores it (the registry's own checks are tested in its area). */
export async function addCertificate(serviceId: string, userId: string, options: { environment?: "TEST" | "PRODUCTION"; verdict?: "ok" | "warning" | "error"; uploadedAt?: Date; cn?: string } = {}) {
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const fingerprintSha256 = randomBytes(32).toString("hex");
  const environment = options.environment ?? "TEST";
  await db().certificate.create({
    data: {
      serviceId,
      environment,
      der: new Uint8Array([0x30, 0x00]),
      fingerprintSha256,
      subjectDn: `CN=${options.cn ?? "Orientation Plus"}, OU=373282932000074, O=Éditeur Test SAS, C=FR`,
      issuerDn: environment === "TEST" ? "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS" : "CN=AC IGC-SANTE ELEMENTAIRE ORGANISATIONS",
      serialNumber: randomBytes(4).toString("hex"),
      notBefore: new Date(now - 30 * day),
      notAfter: new Date(now + 300 * day),
      facts: {},
      checks: { verdict: options.verdict ?? "ok", checks: [] },
      uploadedById: userId,
      uploadedAt: options.uploadedAt ?? new Date(),
    },
  });
  return fingerprintSha256;
}

/** A client attestation sealed by both parties, as a row (the signing ceremony is tested in its own area). */
export async function addSealedAttestation(serviceId: string, organizationId: string, userId: string, clientName = "Centre hospitalier de Test") {
  const sealedSha256 = randomBytes(32).toString("hex");
  await db().attestation.create({
    data: { serviceId, organizationId, status: "SEALED", clientName, createdById: userId, sealedAt: new Date(), sealedSha256 },
  });
  return sealedSha256;
}

/** A successful homologation session, through the PLATINES use case, for every active plan of the service's profile. */
export async function satisfyPlatinesPlans(actor: Actor, serviceId: string, profileId: string) {
  const plans = await db().platinesTestPlan.findMany({
    where: { active: true, profiles: { some: { id: profileId } } },
    select: { id: true, cases: { select: { identifier: true, title: true } } },
  });
  for (const plan of plans) {
    const bytes = new TextEncoder().encode(passingReport("Tests ROR", plan.cases));
    await submitPlatinesSession(
      actor,
      {
        fields: { serviceId, planId: plan.id, sessionType: "CERTIFICATION", sessionIdentifier: "SESSION-1", ranOn: new Date().toISOString().slice(0, 10) },
        report: { name: "rapport.xml", size: bytes.byteLength, read: async () => bytes },
        evidence: [],
      },
      testRequest,
    );
  }
}

/**
 * An organisation (legal representative + a staff member) with a service whose checklist is complete: charter
 * accepted, purpose, one URL, and for a profile that requires one, an active certificate that passed its checks, a
 * sealed client attestation and every applicable PLATINES plan satisfied.
 */
export async function completeService(options: { profileCode?: string; charter?: boolean; url?: boolean; legalName?: string } = {}) {
  const org = await newOrganization({ legalName: options.legalName ?? "Éditeur Test SAS" });
  const profile = await profileByCode(options.profileCode ?? "0");
  const { serviceId } = await createService(
    org.actor,
    org.organizationId,
    {
      name: "Orientation Plus",
      softwareName: "OrientSoft",
      softwareVersion: "4.2",
      description: "Aide à l'orientation des patients.",
      purposes: ["ORIENTATION"],
      users: "Les régulateurs du SAMU.",
      requestedProfileId: profile.id,
      profileJustification: "Les régulateurs ont besoin des données de l'offre.",
      apis: ["FHIR"],
    },
    testRequest,
  );
  if (options.charter !== false) await acceptCurrentCharter(org.organizationId, org.userId);
  if (options.url !== false) await db().serviceUrl.create({ data: { serviceId, environment: "TEST", url: "https://test.orientation.exemple.fr" } });
  const fingerprints: string[] = [];
  if (profile.requiresCertificate) {
    fingerprints.push(await addCertificate(serviceId, org.userId));
    await addSealedAttestation(serviceId, org.organizationId, org.userId);
    await satisfyPlatinesPlans(org.actor, serviceId, profile.id);
  }
  return { ...org, serviceId, profile, fingerprints };
}

/** The mail queued for an address, the verification mail of its sign-up aside (ADR 0020). */
export async function outboxTo(email: string) {
  return db().outboxMessage.findMany({ where: { to: email, kind: { not: "account.verify_email" } }, orderBy: { createdAt: "asc" } });
}

/** A new organisation with one profile-2 service, and the example FHIR test plan a PLATINES session is filed against. */
export async function serviceWithExamplePlan(legalName: string, serviceName: string) {
  const organization = await newOrganization({ legalName });
  const profile = await profileByCode("2");
  const { serviceId } = await createService(
    organization.actor,
    organization.organizationId,
    {
      name: serviceName,
      softwareName: "Logiciel",
      softwareVersion: "1.0",
      description: "Service.",
      purposes: ["ORIENTATION"],
      users: "Régulateurs.",
      requestedProfileId: profile.id,
      profileJustification: "Justification.",
      apis: ["FHIR"],
    },
    testRequest,
  );
  const plan = await db().platinesTestPlan.findFirstOrThrow({ where: { isExample: true, seedKey: "example-fhir-search-read" } });
  return { organization, serviceId, plan };
}
