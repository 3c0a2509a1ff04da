import "server-only";
import { can, type Actor } from "../auth/permissions";
import { charterStatusOf } from "../catalogue/charter.server";
import { db } from "../db.server";
import { parseGrant } from "../enrolments/grant";
import { platinesPlansOfServices } from "../platines/submissions.server";
import { completenessOfRecords } from "../services/completeness";
import { serviceProgress, type ServiceProgress } from "./service-progress";

const certificateSelect = { id: true, environment: true, notBefore: true, notAfter: true, uploadedAt: true, checks: true } as const;

/**
 * The editor's home: for each of the actor's organisations it may read, where each service stands and its one next
 * step (lib/applications/service-progress.ts), from the same records as the service page and the dossier.
 */
export async function editorProgress(actor: Actor, now: Date = new Date()): Promise<Map<string, ServiceProgress[]>> {
  const organizationIds = actor.memberships.map((m) => m.organizationId).filter((id) => can(actor, { type: "service.read", organizationId: id }));
  const services = await db().service.findMany({
    where: { organizationId: { in: organizationIds } },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    include: {
      requestedProfile: { select: { label: true, requiresCertificate: true, active: true } },
      urls: { select: { environment: true } },
      certificates: { select: certificateSelect },
      attestations: { select: { status: true } },
      applications: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, status: true, kind: true },
      },
      enrolments: {
        where: { currentServiceId: { not: null } },
        select: { status: true, grant: true, accessProfileCode: true },
      },
    },
  });
  const [charters, platines] = await Promise.all([
    Promise.all(organizationIds.map(async (id) => [id, await charterStatusOf(id)] as const)).then((entries) => new Map(entries)),
    platinesPlansOfServices(services),
  ]);
  const result = new Map<string, ServiceProgress[]>(organizationIds.map((id) => [id, []]));
  for (const service of services) {
    const latest = service.applications[0] ?? null;
    const inForce = service.enrolments[0] ?? null;
    result.get(service.organizationId)?.push(
      serviceProgress({
        serviceId: service.id,
        serviceName: service.name,
        completeness: completenessOfRecords(service, charters.get(service.organizationId)!, platines.get(service.id) ?? [], now),
        profile: { label: service.requestedProfile.label, active: service.requestedProfile.active },
        openApplication: latest && ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"].includes(latest.status) ? latest : null,
        lastClosed: latest && (latest.status === "REFUSED" || latest.status === "WITHDRAWN") ? { id: latest.id, status: latest.status } : null,
        enrolment: inForce ? { status: inForce.status, profileLabel: parseGrant(inForce.grant)?.accessProfile.label ?? `Profil ${inForce.accessProfileCode}` } : null,
      }),
    );
  }
  return result;
}

