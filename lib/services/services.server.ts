import "server-only";
import type { EventPayload } from "../events/catalogue";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { listActiveAccessProfiles, type AccessProfileEntry } from "../catalogue/access-profiles.server";
import { charterStatusOf } from "../catalogue/charter.server";
import { CHECK_VERDICT_LABELS } from "../certificates/certificate-policy";
import { CERTIFICATE_STATUS_LABELS, type CertificateStatus } from "../certificates/certificate-status";
import { db, type Tx } from "../db.server";
import { platinesPlansOfServices } from "../platines/submissions.server";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { ORGANIZATION_NOT_FOUND, parseRecordId, requireMembershipInTransaction } from "../organizations/organization-access.server";
import { recordId } from "../organizations/organization-schema";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import {
  completenessOfRecords,
  completenessSummary,
  statusesByEnvironment,
  storedVerdict,
  type CertificateVerdict,
} from "./completeness";
import { requireManagedServiceInTransaction, requireServiceAccess, SERVICE_NOT_FOUND } from "./service-access.server";
import {
  ROR_APIS,
  SERVICE_PURPOSES,
  serviceChanges,
  serviceSchema,
  serviceUpdateSchema,
  type ServiceChanges,
  type ServiceData,
} from "./service-schema";
import { SERVICE_ENVIRONMENTS, type ServiceEnvironmentCode } from "./service-url";

const INVALID_FORM = "Le formulaire contient des erreurs.";
const PROFILE_NOT_OFFERED = "Ce profil d'accès n'est pas proposé. Choisissez l'un des profils de la liste.";
const MODIFIED_MEANWHILE =
  "Le service a été modifié par quelqu'un d'autre pendant que vous le modifiiez. Rechargez la page pour voir ses informations à jour, puis recommencez ; rien n'a été enregistré.";

// ---------------------------------------------------------------------------------------------------------------
// Reading

const certificateSelect = {
  id: true,
  environment: true,
  subjectDn: true,
  serialNumber: true,
  fingerprintSha256: true,
  notBefore: true,
  notAfter: true,
  uploadedAt: true,
  checks: true,
} as const;

type CertificateRow = {
  id: string;
  environment: ServiceEnvironmentCode;
  subjectDn: string;
  serialNumber: string;
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
  uploadedAt: Date;
  checks: Prisma.JsonValue;
};

export type ServiceCertificateView = Omit<CertificateRow, "checks"> & {
  status: CertificateStatus;
  statusLabel: string;
  verdict: CertificateVerdict | null;
  verdictLabel: string;
};

/** The services of one organisation, with their requested profile and how complete each one is. */
export async function organizationServices(actor: Actor, organizationId: unknown, now: Date = new Date()) {
  const id = parseRecordId(organizationId, ORGANIZATION_NOT_FOUND);
  if (!can(actor, { type: "service.read", organizationId: id })) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  const otherIds = actor.memberships.map((m) => m.organizationId).filter((other) => other !== id && can(actor, { type: "service.read", organizationId: other }));
  const [organization, charter, otherOrganizations] = await Promise.all([
    db().organization.findUnique({
      where: { id },
      select: {
        id: true,
        legalName: true,
        services: {
          orderBy: [{ name: "asc" }, { createdAt: "asc" }],
          include: {
            requestedProfile: { select: { code: true, label: true, requiresCertificate: true } },
            urls: { select: { environment: true } },
            certificates: { select: certificateSelect },
            attestations: { select: { status: true } },
          },
        },
      },
    }),
    charterStatusOf(id),
    otherIds.length > 0
      ? db().organization.findMany({ where: { id: { in: otherIds } }, orderBy: { legalName: "asc" }, select: { id: true, legalName: true } })
      : Promise.resolve([]),
  ]);
  if (!organization) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  const platines = await platinesPlansOfServices(organization.services);
  return {
    organization: { id: organization.id, legalName: organization.legalName },
    /** The actor's other organisations, to switch between their lists. */
    otherOrganizations,
    services: organization.services.map((service) => ({
      id: service.id,
      name: service.name,
      softwareName: service.softwareName,
      softwareVersion: service.softwareVersion,
      profile: { code: service.requestedProfile.code, label: service.requestedProfile.label },
      summary: completenessSummary(completenessOfRecords(service, charter, platines.get(service.id) ?? [], now)),
    })),
    permissions: { manage: can(actor, { type: "service.manage", organizationId: id }) },
  };
}

export type OrganizationServicesData = Awaited<ReturnType<typeof organizationServices>>;

/** Everything the service page shows: details, URLs and certificates per environment, completeness. */
export async function servicePage(actor: Actor, serviceId: unknown, now: Date = new Date()) {
  const access = await requireServiceAccess(actor, serviceId, "service.read");
  const [service, charter] = await Promise.all([
    db().service.findUnique({
      where: { id: access.serviceId },
      include: {
        organization: { select: { id: true, legalName: true } },
        requestedProfile: true,
        urls: { orderBy: [{ createdAt: "asc" }, { url: "asc" }], select: { id: true, environment: true, url: true, createdAt: true } },
        certificates: { orderBy: { uploadedAt: "desc" }, select: certificateSelect },
        attestations: { select: { status: true } },
      },
    }),
    charterStatusOf(access.organizationId),
  ]);
  if (!service) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);
  const platines = await platinesPlansOfServices([service]);
  const statuses = statusesByEnvironment(service.certificates, now);
  const certificates: ServiceCertificateView[] = service.certificates.map(({ checks, ...certificate }) => {
    const status = statuses.get(certificate.id) ?? "expired";
    const verdict = storedVerdict(checks);
    return {
      ...certificate,
      status,
      statusLabel: CERTIFICATE_STATUS_LABELS[status],
      verdict,
      verdictLabel: verdict ? CHECK_VERDICT_LABELS[verdict] : "Non évalué",
    };
  });
  const profile = service.requestedProfile;
  return {
    service: {
      id: service.id,
      name: service.name,
      softwareName: service.softwareName,
      softwareVersion: service.softwareVersion,
      description: service.description,
      purposes: SERVICE_PURPOSES.filter((p) => service.purposes.includes(p)),
      users: service.users,
      profile: { id: profile.id, code: profile.code, label: profile.label, description: profile.description, requiresCertificate: profile.requiresCertificate, active: profile.active },
      profileJustification: service.profileJustification,
      apis: ROR_APIS.filter((a) => service.apis.includes(a)),
      createdAt: service.createdAt,
      updatedAt: service.updatedAt,
    },
    organization: service.organization,
    urls: SERVICE_ENVIRONMENTS.map((environment) => ({ environment, items: service.urls.filter((u) => u.environment === environment) })),
    certificates: SERVICE_ENVIRONMENTS.map((environment) => ({ environment, items: certificates.filter((c) => c.environment === environment) })),
    completeness: completenessOfRecords(service, charter, platines.get(service.id) ?? [], now),
    permissions: { manage: can(actor, { type: "service.manage", organizationId: access.organizationId }) },
  };
}

export type ServicePageData = Awaited<ReturnType<typeof servicePage>>;

/** What the "new service" form needs: the organisation, and the profiles of the catalogue an editor may request. */
export async function newServiceForm(actor: Actor, organizationId: unknown): Promise<{ organization: { id: string; legalName: string }; profiles: AccessProfileEntry[] }> {
  const id = parseRecordId(organizationId, ORGANIZATION_NOT_FOUND);
  if (!can(actor, { type: "service.manage", organizationId: id })) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  const [organization, profiles] = await Promise.all([
    db().organization.findUnique({ where: { id }, select: { id: true, legalName: true } }),
    listActiveAccessProfiles(),
  ]);
  if (!organization) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  return { organization, profiles };
}

/** What the edit form needs: the service as stored (with its version), and the profiles still offered. */
export async function editServiceForm(actor: Actor, serviceId: unknown) {
  const access = await requireServiceAccess(actor, serviceId, "service.manage");
  const [service, profiles] = await Promise.all([
    db().service.findUnique({ where: { id: access.serviceId }, include: { organization: { select: { id: true, legalName: true } }, requestedProfile: { select: { label: true } } } }),
    listActiveAccessProfiles(),
  ]);
  if (!service) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);
  const profileStillOffered = profiles.some((p) => p.id === service.requestedProfileId);
  return {
    organization: service.organization,
    serviceId: service.id,
    name: service.name,
    profiles,
    /** The label of the profile requested so far, when the catalogue no longer offers it. */
    withdrawnProfileLabel: profileStillOffered ? null : service.requestedProfile.label,
    defaults: {
      name: service.name,
      softwareName: service.softwareName,
      softwareVersion: service.softwareVersion,
      description: service.description,
      purposes: SERVICE_PURPOSES.filter((p) => service.purposes.includes(p)) as string[],
      users: service.users,
      requestedProfileId: profileStillOffered ? service.requestedProfileId : "",
      profileJustification: service.profileJustification,
      apis: ROR_APIS.filter((a) => service.apis.includes(a)) as string[],
      version: service.updatedAt.toISOString(),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Changing

function validationError(error: Parameters<typeof fieldErrorsOf>[0]) {
  return new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(error));
}

/** The requested profile must be in the catalogue and still offered; read in the transaction of the change. */
async function requireOfferedProfile(tx: Tx, profileId: string): Promise<{ id: string; code: string; label: string }> {
  const profile = recordId.safeParse(profileId).success
    ? await tx.accessProfile.findUnique({ where: { id: profileId }, select: { id: true, code: true, label: true, active: true } })
    : null;
  if (!profile || !profile.active) throw new AppError("VALIDATION", INVALID_FORM, { requestedProfileId: PROFILE_NOT_OFFERED });
  return profile;
}

function auditValues(data: ServiceData, profileCode: string): EventPayload<"service.created"> {
  return {
    name: data.name,
    softwareName: data.softwareName,
    softwareVersion: data.softwareVersion,
    purposes: data.purposes,
    apis: data.apis,
    requestedProfile: profileCode,
  };
}

/** An editor declares a service of their organisation. Audited as `service.created`. */
export async function createService(actor: Actor, organizationId: unknown, raw: unknown, request: RequestContext): Promise<{ serviceId: string }> {
  const id = parseRecordId(organizationId, ORGANIZATION_NOT_FOUND);
  if (!can(actor, { type: "service.manage", organizationId: id })) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
  const parsed = serviceSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const data = parsed.data;

  return db().$transaction(async (tx) => {
    await requireMembershipInTransaction(tx, actor, id);
    const profile = await requireOfferedProfile(tx, data.requestedProfileId);
    const service = await tx.service.create({ data: { ...data, organizationId: id } });
    await recordEvent(tx, {
      name: "service.created",
      actor: userActor(actor.userId),
      organizationId: id,
      subjectId: service.id,
      request,
      payload: auditValues(data, profile.code),
    });
    return { serviceId: service.id };
  });
}

/**
 * An editor changes a service. Refused when someone else changed it since the form was shown (the service's
 * updatedAt is its version). Audited as `service.updated` with the fields before and after.
 */
export async function updateService(
  actor: Actor,
  serviceId: unknown,
  raw: unknown,
  request: RequestContext,
): Promise<{ changes: ServiceChanges; version: string }> {
  const access = await requireServiceAccess(actor, serviceId, "service.manage");
  const parsed = serviceUpdateSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { version, ...after } = parsed.data;
  const expectedUpdatedAt = new Date(version);
  if (Number.isNaN(expectedUpdatedAt.getTime())) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);

  return db().$transaction(async (tx) => {
    const { organizationId } = await requireManagedServiceInTransaction(tx, actor, access.serviceId);
    const stored = await tx.service.findUniqueOrThrow({ where: { id: access.serviceId }, include: { requestedProfile: { select: { code: true } } } });
    if (stored.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
    const profile = await requireOfferedProfile(tx, after.requestedProfileId);
    const before: ServiceData = {
      name: stored.name,
      softwareName: stored.softwareName,
      softwareVersion: stored.softwareVersion,
      description: stored.description,
      purposes: SERVICE_PURPOSES.filter((p) => stored.purposes.includes(p)),
      users: stored.users,
      requestedProfileId: stored.requestedProfileId,
      profileJustification: stored.profileJustification,
      apis: ROR_APIS.filter((a) => stored.apis.includes(a)),
    };
    const changes = serviceChanges(before, after);
    if (Object.keys(changes).length === 0) return { changes, version: stored.updatedAt.toISOString() };

    const { count } = await tx.service.updateMany({ where: { id: access.serviceId, updatedAt: stored.updatedAt }, data: after });
    if (count !== 1) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
    const updated = await tx.service.findUniqueOrThrow({ where: { id: access.serviceId }, select: { updatedAt: true } });
    const profileChange = changes.requestedProfileId ? { requestedProfile: { before: stored.requestedProfile.code, after: profile.code } } : {};
    await recordEvent(tx, {
      name: "service.updated",
      actor: userActor(actor.userId),
      organizationId,
      subjectId: access.serviceId,
      request,
      payload: { changes: { ...changes, ...profileChange } as EventPayload<"service.updated">["changes"] },
    });
    return { changes, version: updated.updatedAt.toISOString() };
  });
}
