import { createHash } from "node:crypto";
import { db, type Tx } from "../db.server";
import { platinesPlansOfServices, type ServicePlanVerdict } from "../platines/submissions.server";
import { PLAN_VERDICT_LABELS } from "../platines/verdict";
import { serviceCompleteness, statusesByEnvironment, storedVerdict, type CompletenessItem } from "../services/completeness";
import { SERVICE_PURPOSES, ROR_APIS } from "../services/service-schema";
import { submissionChecklist, type SubmissionChecklist } from "./checklist";
import { editServicePath } from "../paths";
import { buildSnapshot, type ApplicationSnapshot } from "./snapshot";

// Server-side gathering of what a service's application is made of: the completeness list (the same one the
// service page shows), the submission checklist, and the snapshot a submission freezes. Callers check
// permissions first; inside a transaction, pass its client so everything is read in that transaction.

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
      attestations: { select: { id: true, status: true, clientName: true, sealedSha256: true } },
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

async function platinesOf(client: Client, service: LoadedService): Promise<ServicePlanVerdict[]> {
  return (await platinesPlansOfServices([service], client)).get(service.id) ?? [];
}

function completenessOf(
  service: LoadedService,
  charter: { acceptedCurrent: boolean; currentVersion: string | null },
  platinesPlans: readonly ServicePlanVerdict[],
  now: Date,
): CompletenessItem[] {
  return serviceCompleteness({
    serviceId: service.id,
    organizationId: service.organizationId,
    charter,
    purposes: service.purposes,
    urls: service.urls,
    profile: service.requestedProfile,
    certificates: service.certificates.map((c) => ({ ...c, verdict: storedVerdict(c.checks) })),
    attestations: {
      sealed: service.attestations.filter((a) => a.status === "SEALED").length,
      inProgress: service.attestations.filter((a) => a.status !== "SEALED" && a.status !== "CANCELLED").length,
    },
    platinesPlans,
    now,
  });
}

/** The completeness list of a service, as its page shows it; null when the service does not exist. */
export async function serviceCompletenessOf(serviceId: string, now: Date = new Date(), client: Client = db()): Promise<CompletenessItem[] | null> {
  const service = await loadService(client, serviceId);
  if (!service) return null;
  // Sequential: a transaction's client runs one query at a time.
  const charter = await charterOf(client, service.organizationId);
  const platines = await platinesOf(client, service);
  return completenessOf(service, charter, platines, now);
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
  // Sequential on purpose: inside a transaction the client runs one query at a time.
  const charter = await charterOf(client, service.organizationId);
  const platines = await platinesOf(client, service);
  const profile = service.requestedProfile;
  const checklist = submissionChecklist(completenessOf(service, charter, platines, now), { label: profile.label, active: profile.active }, editServicePath(service.id));

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
    attestations: service.attestations.flatMap((a) =>
      a.status === "SEALED" && a.sealedSha256 ? [{ id: a.id, clientName: a.clientName, sealedSha256: a.sealedSha256 }] : [],
    ),
    platines: platines.map((plan) => ({ planCode: plan.id, planLabel: plan.name, verdict: plan.state, verdictLabel: PLAN_VERDICT_LABELS[plan.state] })),
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
