import "server-only";
// Import of the existing trust space (issue 25, ADR 0059): an administrator uploads the current gateway's whitelist;
// each line becomes, in its own transaction, a verified organisation (found or created), a service, its URL and
// certificate, an approved application and an enrolment marked "reprise de l'existant". A line that cannot be taken
// is reported with its reason and writes nothing; a line already imported is recognised and changes nothing.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { searchTextOf } from "../applications/snapshot";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { freezeEnrolment } from "../enrolments/grant";
import { AppError } from "../errors";
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import type { RequestContext } from "../request.server";
import { filesIn, type ReceivedUpload } from "../uploads/received-upload";
import { refreshGatewayEntries } from "../whitelist/gateway-entries.server";
import { readImportFile, type ImportLine } from "./import-file";

const FORBIDDEN = "Seuls les administrateurs de l'ANS peuvent reprendre l'espace de confiance existant.";
export const IMPORT_MARK = "Reprise de l'existant";

type Profile = { id: string; code: string; label: string; requiresCertificate: boolean; active: boolean; level2AuthenticatedPerSecond: number; level2PublicPerSecond: number };
type LineOutcome = { outcome: "IMPORTED" | "ALREADY_IMPORTED" | "REJECTED"; reason: string | null; enrolmentId: string | null };

class LineRefusal extends Error {}

export type ImportSummary = { importId: string; imported: number; unchanged: number; rejected: number };

export function requireImporter(actor: Actor): void {
  if (!can(actor, { type: "trustSpace.import" })) throw new AppError("FORBIDDEN", FORBIDDEN);
}

/** From the streaming upload (field `file`). */
export async function importTrustSpaceFromUpload(actor: Actor, upload: ReceivedUpload, request: RequestContext, now: Date = new Date()): Promise<ImportSummary> {
  requireImporter(actor);
  const [file] = filesIn(upload, "file");
  if (!file) throw new AppError("VALIDATION", "Choisissez le fichier CSV de la liste blanche actuelle.", { file: "Choisissez le fichier CSV de la liste blanche actuelle." });
  return importTrustSpace(actor, { name: file.name, bytes: file.bytes }, request, now);
}

export async function importTrustSpace(actor: Actor, file: { name: string; bytes: Uint8Array }, request: RequestContext, now: Date = new Date()): Promise<ImportSummary> {
  requireImporter(actor);
  const read = readImportFile(file.bytes);
  if (!read.ok) throw new AppError("VALIDATION", read.problem, { file: read.problem });
  const profiles = new Map((await db().accessProfile.findMany()).map((p) => [p.code, p as Profile]));
  const importer = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, name: true } });
  const importId = randomUUID();
  await db().trustSpaceImport.create({
    data: { id: importId, fileName: file.name.slice(0, 255), fileSha256: createHash("sha256").update(file.bytes).digest("hex"), importedById: actor.userId, createdAt: now, imported: 0, unchanged: 0, rejected: 0 },
  });
  const counts = { imported: 0, unchanged: 0, rejected: 0 };
  // Fingerprints taken by earlier lines of this file, with the service they went to.
  const taken = new Map<string, string>();
  for (const entry of read.lines) {
    const base = entry.ok
      ? { siret: entry.line.siret, serviceName: entry.line.serviceName, environment: entry.line.environment, fingerprintSha256: entry.line.certificate?.fingerprintSha256 ?? null }
      : { siret: entry.siret.slice(0, 14), serviceName: entry.serviceName.slice(0, 120), environment: entry.environment.slice(0, 20), fingerprintSha256: null };
    const lineNumber = entry.ok ? entry.line.lineNumber : entry.lineNumber;
    let outcome: LineOutcome;
    if (!entry.ok) {
      outcome = { outcome: "REJECTED", reason: entry.reason, enrolmentId: null };
    } else {
      const line = entry.line;
      const key = `${line.siret}\u0000${line.serviceName}\u0000${line.environment}`;
      const holder = line.certificate ? taken.get(line.certificate.fingerprintSha256) : undefined;
      if (holder !== undefined && holder !== key) {
        outcome = { outcome: "REJECTED", reason: "Empreinte en double : ce certificat figure déjà sur une autre ligne du fichier.", enrolmentId: null };
      } else {
        outcome = await importLine(line, { importId, profiles, importer, now, request }).catch((error: unknown): LineOutcome => {
          if (error instanceof LineRefusal) return { outcome: "REJECTED", reason: error.message, enrolmentId: null };
          console.error(error);
          return { outcome: "REJECTED", reason: "Erreur inattendue : rien n'a été écrit pour cette ligne.", enrolmentId: null };
        });
        if (outcome.outcome !== "REJECTED" && line.certificate) taken.set(line.certificate.fingerprintSha256, key);
      }
    }
    if (outcome.outcome === "IMPORTED") counts.imported += 1;
    else if (outcome.outcome === "ALREADY_IMPORTED") counts.unchanged += 1;
    else counts.rejected += 1;
    // The imported line's report row is written with it (importLine); the others here.
    if (outcome.outcome !== "IMPORTED") {
      await db().trustSpaceImportLine.create({
        data: { importId, lineNumber, ...base, outcome: outcome.outcome, reason: outcome.reason, enrolmentId: outcome.enrolmentId, expected: entry.ok ? expectedOf(entry.line) : undefined },
      });
    }
  }
  await db().trustSpaceImport.update({ where: { id: importId }, data: counts });
  return { importId, ...counts };
}

/** What the gateway should show for the line, kept for the comparison with the portal's export. */
function expectedOf(line: ImportLine): Prisma.InputJsonObject {
  return { url: line.url, profileCode: line.profileCode, authenticatedPerSecond: line.quotas.authenticatedPerSecond, publicPerSecond: line.quotas.publicPerSecond };
}

type Context = { importId: string; profiles: Map<string, Profile>; importer: { id: string; name: string }; now: Date; request: RequestContext };

async function importLine(line: ImportLine, context: Context): Promise<LineOutcome> {
  const profile = context.profiles.get(line.profileCode);
  if (!profile || !profile.active) throw new LineRefusal(`Profil d'accès inconnu : « ${line.profileCode} » n'est pas un profil actif du catalogue.`);
  if (profile.requiresCertificate && !line.certificate) throw new LineRefusal(`Le profil ${profile.code} exige un certificat client : la colonne certificat_pem est vide.`);
  return db().$transaction(async (tx) => {
    const already = await tx.trustSpaceImportLine.findFirst({
      where: { outcome: "IMPORTED", siret: line.siret, serviceName: line.serviceName, environment: line.environment, fingerprintSha256: line.certificate?.fingerprintSha256 ?? null, enrolmentId: { not: null } },
      select: { enrolmentId: true },
    });
    if (already?.enrolmentId && (await tx.enrolment.count({ where: { id: already.enrolmentId } })) === 1) {
      return { outcome: "ALREADY_IMPORTED" as const, reason: "Déjà reprise lors d'un import précédent : rien n'a changé.", enrolmentId: already.enrolmentId };
    }
    if (line.certificate) {
      const holder = await tx.enrolment.findFirst({ where: { currentServiceId: { not: null }, certificateFingerprints: { has: line.certificate.fingerprintSha256 } }, select: { id: true } });
      if (holder) throw new LineRefusal("Empreinte en double : ce certificat est déjà celui d'une habilitation en vigueur.");
    }
    const organizationId = await verifiedOrganization(tx, line, context);
    const enrolmentId = await createEnrolment(tx, line, profile, organizationId, context);
    await tx.trustSpaceImportLine.create({
      data: {
        importId: context.importId,
        lineNumber: line.lineNumber,
        outcome: "IMPORTED",
        siret: line.siret,
        serviceName: line.serviceName,
        environment: line.environment,
        fingerprintSha256: line.certificate?.fingerprintSha256 ?? null,
        enrolmentId,
        expected: expectedOf(line),
      },
    });
    await recordEvent(tx, {
      name: "enrolment.imported",
      actor: userActor(context.importer.id),
      organizationId,
      subjectId: enrolmentId,
      request: context.request,
      payload: { importId: context.importId, line: line.lineNumber, environment: line.environment, siret: line.siret },
    });
    return { outcome: "IMPORTED" as const, reason: null, enrolmentId };
  });
}

/** The organisation of the SIRET, verified: created so, or an unverified one verified (the event says so). */
async function verifiedOrganization(tx: Tx, line: ImportLine, context: Context): Promise<string> {
  const actor = userActor(context.importer.id);
  const existing = await tx.organization.findUnique({ where: { siret: line.siret }, select: { id: true, status: true } });
  if (existing) {
    if (existing.status === "SUSPENDED") throw new LineRefusal("L'organisation de ce SIRET est suspendue dans le portail : ligne non reprise.");
    if (existing.status === "REFUSED") throw new LineRefusal("La vérification de l'organisation de ce SIRET a été refusée dans le portail : ligne non reprise.");
    if (existing.status === "UNVERIFIED") {
      await tx.organization.update({
        where: { id: existing.id },
        data: { status: "VERIFIED", statusReason: IMPORT_MARK, statusChangedAt: context.now, statusChangedById: context.importer.id, awaitingVerificationSince: null },
      });
      await recordEvent(tx, { name: "organization.verified", actor, organizationId: existing.id, subjectId: existing.id, request: context.request, payload: { from: "UNVERIFIED" } });
    }
    return existing.id;
  }
  const created = await tx.organization.create({
    data: {
      legalName: line.legalName,
      siret: line.siret,
      address: "Non renseignée (reprise de l'existant)",
      status: "VERIFIED",
      statusReason: IMPORT_MARK,
      statusChangedAt: context.now,
      statusChangedById: context.importer.id,
      awaitingVerificationSince: null,
    },
    select: { id: true },
  });
  await recordEvent(tx, { name: "organization.created", actor, organizationId: created.id, subjectId: created.id, request: context.request, payload: { legalName: line.legalName, siret: line.siret, isLegalRepresentative: false } });
  await recordEvent(tx, { name: "organization.verified", actor, organizationId: created.id, subjectId: created.id, request: context.request, payload: { from: "UNVERIFIED" } });
  return created.id;
}

async function createEnrolment(tx: Tx, line: ImportLine, profile: Profile, organizationId: string, context: Context): Promise<string> {
  const { now, importer } = context;
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, legalName: true, siret: true } });
  const service = await tx.service.create({
    data: {
      organizationId,
      name: line.serviceName,
      softwareName: "Non renseigné (reprise de l'existant)",
      softwareVersion: "Non renseignée",
      description: "Service repris de la liste blanche de la passerelle existante.",
      users: "Non renseignés (reprise de l'existant).",
      requestedProfileId: profile.id,
      profileJustification: IMPORT_MARK,
    },
    select: { id: true, name: true, softwareName: true, softwareVersion: true },
  });
  await tx.serviceUrl.create({ data: { serviceId: service.id, environment: line.environment, url: line.url } });
  const certificate = line.certificate;
  if (certificate) {
    await tx.certificate.create({
      data: {
        serviceId: service.id,
        environment: line.environment,
        der: new Uint8Array(certificate.der),
        fingerprintSha256: certificate.fingerprintSha256,
        subjectDn: certificate.subjectDn,
        issuerDn: certificate.issuerDn,
        serialNumber: certificate.serialNumber,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        facts: certificate.facts as Prisma.InputJsonObject,
        checks: { verdict: "ok", checks: [], origin: "import" },
        uploadedById: importer.id,
        uploadedAt: now,
      },
    });
  }
  const application = await tx.application.create({
    data: {
      serviceId: service.id,
      organizationId,
      kind: "NEW",
      status: "APPROVED",
      requestedProfileId: profile.id,
      submissionCount: 1,
      submittedAt: now,
      statusChangedAt: now,
      decidedAt: now,
      decidedById: importer.id,
      decisionReason: IMPORT_MARK,
      organizationName: organization.legalName,
      organizationSiret: organization.siret,
      serviceName: service.name,
      requestedProfileCode: profile.code,
      searchText: searchTextOf({ organizationName: organization.legalName, siret: organization.siret, serviceName: service.name }),
      createdById: importer.id,
    },
    select: { id: true },
  });
  const quotas = {
    level2AuthenticatedPerSecond: line.quotas.authenticatedPerSecond ?? profile.level2AuthenticatedPerSecond,
    level2PublicPerSecond: line.quotas.publicPerSecond ?? profile.level2PublicPerSecond,
  };
  const departs = quotas.level2AuthenticatedPerSecond !== profile.level2AuthenticatedPerSecond || quotas.level2PublicPerSecond !== profile.level2PublicPerSecond;
  const quotaReason = departs ? "Quotas repris de la passerelle existante." : null;
  const grant = freezeEnrolment({
    applicationId: application.id,
    submissionNumber: 1,
    snapshot: {
      organization: { id: organization.id, name: organization.legalName, siret: organization.siret },
      service: { id: service.id, name: service.name, softwareName: service.softwareName, softwareVersion: service.softwareVersion },
      urls: [{ environment: line.environment, url: line.url }],
      certificates: certificate
        ? [
            {
              environment: line.environment,
              fingerprintSha256: certificate.fingerprintSha256,
              fingerprintSha1: certificate.fingerprintSha1,
              subjectDn: certificate.subjectDn,
              issuerDn: certificate.issuerDn,
              notBefore: certificate.notBefore.toISOString(),
              notAfter: certificate.notAfter.toISOString(),
              verdict: "ok",
            },
          ]
        : [],
    },
    profile: { id: profile.id, code: profile.code, label: profile.label, requiresCertificate: profile.requiresCertificate },
    quotas,
    quotaReason,
    approvedAt: now,
    approvedBy: importer,
  });
  const enrolment = await tx.enrolment.create({
    data: {
      serviceId: service.id,
      organizationId,
      applicationId: application.id,
      status: "ACTIVE",
      currentServiceId: service.id,
      grant: grant as unknown as Prisma.InputJsonObject,
      accessProfileId: profile.id,
      accessProfileCode: profile.code,
      level2AuthenticatedPerSecond: quotas.level2AuthenticatedPerSecond,
      level2PublicPerSecond: quotas.level2PublicPerSecond,
      quotaReason,
      certificateFingerprints: grant.certificates.map((c) => c.fingerprintSha256),
      approvedAt: now,
      approvedById: importer.id,
      origin: "IMPORT",
    },
    select: { id: true },
  });
  // The stored entry the export assembles (ADR 0050), in the line's own transaction.
  await refreshGatewayEntries(tx, [enrolment.id]);
  return enrolment.id;
}
