import "server-only";
import { z } from "zod";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { calendarDaysUntil } from "../time";
import { requireManagedServiceInTransaction } from "../service-access.server";
import { activeCaBundle } from "./ca-bundle.server";
import { certificateFacts, type CertificateFacts } from "./certificate-facts";
import { readCertificateInput } from "./certificate-input";
import { checkCertificate, type CertificateCheckReport } from "./certificate-policy";
import { CERTIFICATE_STATUS_LABELS, certificateStatuses } from "./certificate-status";
import { environmentEnforcement, REGISTERED_CERTIFICATE_GATEWAY_LABELS, registeredCertificateGatewayStatus } from "../enrolments/enforcement";
import { parseGrant } from "../enrolments/grant";
import { readRevokedFingerprints } from "../whitelist/entries.server";
import { certificateUploadSchema, type CertificateEnvironment } from "./certificate-upload-schema";

const NOT_FOUND = "Service introuvable.";

/** The service, if the actor may act on it; an id of another organisation looks exactly like a missing one. */
async function serviceFor(actor: Actor, serviceId: string, action: "service.read" | "service.manage") {
  // Not a UUID: no service has it (and PostgreSQL would refuse the query).
  if (!z.uuid().safeParse(serviceId).success) throw new AppError("NOT_FOUND", NOT_FOUND);
  const service = await db().service.findUnique({
    where: { id: serviceId },
    select: { id: true, name: true, organizationId: true, organization: { select: { siret: true, legalName: true } } },
  });
  if (!service || !can(actor, { type: action, organizationId: service.organizationId })) {
    throw new AppError("NOT_FOUND", NOT_FOUND);
  }
  return service;
}

export type CertificateUploadRefusal = { fieldErrors: Record<string, string>; report?: CertificateCheckReport; notes: string[] };

/**
 * Registers a client certificate for a service and environment. Refused (nothing stored) when the file is not
 * a usable certificate or when a check fails; stored with its warnings otherwise. Never edited afterwards.
 */
export async function uploadServiceCertificate(
  actor: Actor,
  raw: unknown,
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ ok: true; certificateId: string; report: CertificateCheckReport; notes: string[] } | ({ ok: false } & CertificateUploadRefusal)> {
  const parsed = certificateUploadSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), notes: [] };
  const { serviceId, environment, input } = parsed.data;
  const service = await serviceFor(actor, serviceId, "service.manage");

  const read = readCertificateInput(input);
  if (!read.ok) return { ok: false, fieldErrors: { certificate: read.error }, notes: [] };
  const facts = certificateFacts(read.der);

  const [bundle, sameFingerprint] = await Promise.all([
    activeCaBundle(environment),
    db().certificate.findMany({
      where: { fingerprintSha256: facts.fingerprintSha256 },
      select: { serviceId: true, environment: true, notAfter: true },
    }),
  ]);
  if (sameFingerprint.some((c) => c.serviceId === serviceId && c.environment === environment)) {
    return {
      ok: false,
      fieldErrors: { certificate: "Ce certificat est déjà enregistré pour ce service et cet environnement." },
      notes: read.notes,
    };
  }
  const usedByAnotherService = sameFingerprint.some((c) => c.serviceId !== serviceId && c.notAfter > now);
  const fingerprintsOfOtherActiveServices = new Set(usedByAnotherService ? [facts.fingerprintSha256] : []);
  const report = await checkCertificate(facts, read.der, {
    now,
    caBundle: bundle,
    organization: { siret: service.organization.siret },
    fingerprintsOfOtherActiveServices,
  });
  if (report.verdict === "error") {
    const firstError = report.checks.find((c) => c.verdict === "error")!;
    return {
      ok: false,
      fieldErrors: { certificate: `Certificat refusé : ${firstError.title.toLowerCase()} — ${firstError.detail}` },
      report,
      notes: read.notes,
    };
  }

  const certificate = await db().$transaction(async (tx) => {
    // The session was read before the checks: lock the service and confirm the membership where it counts.
    await requireManagedServiceInTransaction(tx, actor, serviceId);
    const created = await tx.certificate.create({
      data: {
        serviceId,
        environment,
        der: Buffer.from(read.der),
        fingerprintSha256: facts.fingerprintSha256,
        subjectDn: facts.subjectDn,
        issuerDn: facts.issuerDn,
        serialNumber: facts.serialNumber,
        notBefore: new Date(facts.notBefore),
        notAfter: new Date(facts.notAfter),
        facts: facts as unknown as Prisma.InputJsonObject,
        checks: report as unknown as Prisma.InputJsonObject,
        uploadedById: actor.userId,
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      name: "certificate.uploaded",
      actor: userActor(actor.userId),
      organizationId: service.organizationId,
      subjectId: created.id,
      request,
      payload: {
        serviceId,
        environment,
        subjectDn: facts.subjectDn,
        fingerprintSha256: facts.fingerprintSha256,
        verdict: report.verdict,
      },
    });
    return created;
  });
  return { ok: true, certificateId: certificate.id, report, notes: read.notes };
}

/** The service's enrolment in force, as the gateway sees this environment (null when there is none). */
async function gatewayOfService(serviceId: string, environment: CertificateEnvironment, now: Date) {
  const [enrolment, revoked] = await Promise.all([
    db().enrolment.findUnique({ where: { currentServiceId: serviceId }, select: { status: true, grant: true, organization: { select: { status: true } } } }),
    readRevokedFingerprints(),
  ]);
  const grant = enrolment ? parseGrant(enrolment.grant) : null;
  if (!enrolment || !grant) return { environment: null, revoked };
  return {
    revoked,
    environment: environmentEnforcement({
      enrolmentStatus: enrolment.status,
      organisationSuspended: enrolment.organization.status === "SUSPENDED",
      requiresCertificate: grant.accessProfile.requiresCertificate,
      certificates: grant.certificates
        .filter((c) => c.environment === environment)
        .map((c) => ({ fingerprintSha256: c.fingerprintSha256, notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter) })),
      revokedFingerprints: revoked,
      now,
    }),
  };
}

/**
 * The registry of one service and environment, newest first: statuses from dates, and the checks run
 * again against today's date and today's CA bundle (the upload-time report stays stored as evidence).
 */
export async function serviceCertificateRegistry(actor: Actor, serviceId: string, environment: CertificateEnvironment, now: Date = new Date()) {
  const service = await serviceFor(actor, serviceId, "service.read");
  const [certificates, bundle] = await Promise.all([
    db().certificate.findMany({
      where: { serviceId, environment },
      orderBy: { uploadedAt: "desc" },
      select: { id: true, der: true, subjectDn: true, fingerprintSha256: true, notBefore: true, notAfter: true, facts: true, uploadedAt: true, revokedAt: true },
    }),
    activeCaBundle(environment),
  ]);
  const gateway = await gatewayOfService(serviceId, environment, now);
  const elsewhere = await db().certificate.findMany({
    where: { fingerprintSha256: { in: certificates.map((c) => c.fingerprintSha256) }, serviceId: { not: serviceId }, notAfter: { gt: now } },
    select: { fingerprintSha256: true },
  });
  const fingerprintsOfOtherActiveServices = new Set(elsewhere.map((c) => c.fingerprintSha256));
  const statuses = certificateStatuses(certificates, now);
  const entries = await Promise.all(
    certificates.map(async ({ der, ...certificate }) => {
      // The facts are a function of the DER: read them again from it rather than trust a stored JSON copy.
      const facts: CertificateFacts = certificateFacts(new Uint8Array(der));
      const report = await checkCertificate(facts, new Uint8Array(der), {
        now,
        caBundle: bundle,
        organization: { siret: service.organization.siret, name: service.organization.legalName },
        // An ANS reviewer reads "l'éditeur …", a member of the organisation "votre organisation".
        reader: actor.memberships.some((m) => m.organizationId === service.organizationId) ? "editor" : "reviewer",
        fingerprintsOfOtherActiveServices,
      });
      const daysLeft = calendarDaysUntil(certificate.notAfter, now);
      const gatewayStatus = registeredCertificateGatewayStatus(certificate, gateway.environment, gateway.revoked, now);
      return {
        ...certificate,
        facts,
        report,
        daysLeft,
        status: statuses.get(certificate.id)!,
        gatewayStatus,
        // A renewal waits for approval while the granted certificate stays enforced: never "Remplacé" before then.
        statusLabel: gateway.environment ? REGISTERED_CERTIFICATE_GATEWAY_LABELS[gatewayStatus] : `${CERTIFICATE_STATUS_LABELS[statuses.get(certificate.id)!]} · non publié à la passerelle`,
      };
    }),
  );
  return { service: { id: service.id, name: service.name, organizationId: service.organizationId }, certificates: entries };
}
