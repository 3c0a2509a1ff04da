import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "../db.server";
import { platinesPlansOfServices, type ServicePlanVerdict } from "../platines/submissions.server";
import { PLAN_VERDICT_LABELS } from "../platines/verdict";
import { charterStatusOf } from "../catalogue/charter.server";
import { completenessOfRecords, statusesByEnvironment, storedVerdict, type CompletenessItem } from "../services/completeness";
import { serviceDeclaration } from "../services/service-schema";
import { submissionChecklist, type SubmissionChecklist } from "./checklist";
import { editServicePath, organizationVerificationPath } from "../paths";
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
      organization: {
        select: { id: true, legalName: true, siret: true, address: true, status: true, statusReason: true, evidence: { where: { kind: "REGISTER_EXTRACT" }, select: { id: true }, take: 1 } },
      },
      requestedProfile: { select: { id: true, code: true, label: true, requiresCertificate: true, active: true } },
      urls: { select: { environment: true, url: true } },
      certificates: { select: certificateSelect },
      attestations: { select: { id: true, status: true, clientName: true, sealedSha256: true } },
    },
  });
}

type LoadedService = NonNullable<Awaited<ReturnType<typeof loadService>>>;

async function platinesOf(client: Client, service: LoadedService): Promise<ServicePlanVerdict[]> {
  return (await platinesPlansOfServices([service], client)).get(service.id) ?? [];
}

/** The completeness list of a service, as its page shows it; null when the service does not exist. */
export async function serviceCompletenessOf(serviceId: string, now: Date = new Date(), client: Client = db()): Promise<CompletenessItem[] | null> {
  const service = await loadService(client, serviceId);
  if (!service) return null;
  // Sequential: a transaction's client runs one query at a time.
  const charter = await charterStatusOf(service.organizationId, client);
  const platines = await platinesOf(client, service);
  return completenessOfRecords(service, charter, platines, now);
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
  const charter = await charterStatusOf(service.organizationId, client);
  const platines = await platinesOf(client, service);
  const profile = service.requestedProfile;
  const organization = service.organization;
  const checklist = submissionChecklist(completenessOfRecords(service, charter, platines, now), { label: profile.label, active: profile.active }, editServicePath(service.id), {
    status: organization.status,
    hasExtract: organization.evidence.length > 0,
    reason: organization.statusReason,
    href: organizationVerificationPath(organization.id),
  });

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
      ...serviceDeclaration(service),
      requestedProfile: { code: profile.code, label: profile.label },
    },
    urls: service.urls,
    certificates,
    attestations: service.attestations.flatMap((a) =>
      a.status === "SEALED" && a.sealedSha256 ? [{ id: a.id, clientName: a.clientName, sealedSha256: a.sealedSha256 }] : [],
    ),
    platines: platines.map((plan) => ({ planCode: plan.id, planLabel: plan.name, verdict: plan.state, verdictLabel: PLAN_VERDICT_LABELS[plan.state] })),
    charter: { version: charter.acceptedCurrent ? (charter.currentVersion?.version ?? null) : null, acceptedAt: charter.acceptance?.at ?? null },
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
