import { createHash } from "node:crypto";
import { db, type Tx } from "../db.server";
import { serviceCompleteness, statusesByEnvironment, storedVerdict, type CompletenessItem } from "../services/completeness";
import { SERVICE_PURPOSES, ROR_APIS } from "../services/service-schema";
import { submissionChecklist, type SubmissionChecklist } from "./checklist";
import { editServicePath } from "./paths";
import { buildSnapshot, type ApplicationSnapshot } from "./snapshot";

// Server-side gathering of what a service's application is made of: the completeness list (the same one the
// service page shows), the submission checklist, and the snapshot a submission freezes. Callers check
// permissions first; inside a transaction, pass its client so everything is read in that transaction.
//
// Attestations and PLATINES results live in areas built on other branches: `attestations` and `platines` are
// gathered here once those tables exist (see the TODO markers); until then a snapshot lists none.

type Client = Tx | ReturnType<typeof db>;

const certificateSelect = {
  id: true,
  environment: true,
  fingerprintSha256: true,
  subjectDn: true,
  issuerDn: true,
  serialNumber: true,
  notBefore: true,
  notAfter: true,
  uploadedAt: true,
  checks: true,
  der: true,
} as const;

async function loadService(client: Client, serviceId: string) {
  return client.service.findUnique({
    where: { id: serviceId },
    include: {
      organization: { select: { id: true, legalName: true, siret: true, address: true } },
      requestedProfile: { select: { id: true, code: true, label: true, requiresCertificate: true, active: true } },
      urls: { select: { environment: true, url: true } },
      certificates: { select: certificateSelect },
    },
  });
}

type LoadedService = NonNullable<Awaited<ReturnType<typeof loadService>>>;

/** The organisation's acceptance of the current charter version, read with the given client. */
async function charterOf(client: Client, organizationId: string) {
  const current = await client.charterVersion.findFirst({
    where: { publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, version: true },
  });
  if (!current) return { acceptedCurrent: true, currentVersion: null, acceptedAt: null };
  const acceptance = await client.charterAcceptance.findFirst({
    where: { organizationId, charterVersionId: current.id },
    orderBy: { acceptedAt: "asc" },
    select: { acceptedAt: true },
  });
  return { acceptedCurrent: acceptance !== null, currentVersion: current.version, acceptedAt: acceptance?.acceptedAt ?? null };
}

function completenessOf(service: LoadedService, charter: { acceptedCurrent: boolean; currentVersion: string | null }, now: Date): CompletenessItem[] {
  return serviceCompleteness({
    serviceId: service.id,
    organizationId: service.organizationId,
    charter,
    purposes: service.purposes,
    urls: service.urls,
    profile: service.requestedProfile,
    certificates: service.certificates.map((c) => ({ ...c, verdict: storedVerdict(c.checks) })),
    now,
  });
}

/** The completeness list of a service, as its page shows it; null when the service does not exist. */
export async function serviceCompletenessOf(serviceId: string, now: Date = new Date(), client: Client = db()): Promise<CompletenessItem[] | null> {
  const service = await loadService(client, serviceId);
  if (!service) return null;
  return completenessOf(service, await charterOf(client, service.organizationId), now);
}

export type ApplicationState = {
  checklist: SubmissionChecklist;
  snapshot: ApplicationSnapshot;
  /** Denormalised for the reviewer queue. */
  queueFields: { organizationName: string; organizationSiret: string; serviceName: string; requestedProfileId: string; requestedProfileCode: string };
  requestedProfile: { id: string; code: string; label: string; active: boolean };
};

/** Checklist, snapshot and queue fields of a service, at `now`; null when the service does not exist. */
export async function applicationStateOf(client: Client, serviceId: string, now: Date): Promise<ApplicationState | null> {
  const service = await loadService(client, serviceId);
  if (!service) return null;
  const charter = await charterOf(client, service.organizationId);
  const profile = service.requestedProfile;
  const checklist = submissionChecklist(completenessOf(service, charter, now), { label: profile.label, active: profile.active }, editServicePath(service.id));

  // The certificates in force or ahead of their start (a renewal uploaded early): never expired or replaced ones.
  const statuses = statusesByEnvironment(service.certificates, now);
  const certificates = service.certificates
    .filter((c) => {
      const status = statuses.get(c.id);
      return status === "active" || status === "scheduled";
    })
    .map((c) => ({ ...c, fingerprintSha1: createHash("sha1").update(c.der).digest("hex"), verdict: storedVerdict(c.checks) }));

  const snapshot = buildSnapshot({
    organization: { id: service.organization.id, name: service.organization.legalName, siret: service.organization.siret, address: service.organization.address },
    service: {
      id: service.id,
      name: service.name,
      softwareName: service.softwareName,
      softwareVersion: service.softwareVersion,
      description: service.description,
      purposes: SERVICE_PURPOSES.filter((p) => service.purposes.includes(p)),
      users: service.users,
      requestedProfile: { code: profile.code, label: profile.label },
      profileJustification: service.profileJustification,
      apis: ROR_APIS.filter((a) => service.apis.includes(a)),
    },
    urls: service.urls,
    certificates,
    // TODO(issue 4): the service's attestations sealed by both parties: { id, clientName, sealedSha256 }.
    attestations: [],
    // TODO(issue 5): the PLATINES evaluation per required plan: { planCode, planLabel, verdict, verdictLabel }.
    platines: [],
    charter: { version: charter.acceptedCurrent ? charter.currentVersion : null, acceptedAt: charter.acceptedAt },
  });

  return {
    checklist,
    snapshot,
    queueFields: {
      organizationName: service.organization.legalName,
      organizationSiret: service.organization.siret,
      serviceName: service.name,
      requestedProfileId: profile.id,
      requestedProfileCode: profile.code,
    },
    requestedProfile: profile,
  };
}
