import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { parseRecordId, requireMembershipInTransaction } from "../organizations/organization-access.server";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { requireManagedServiceInTransaction, requireServiceAccess, SERVICE_URL_NOT_FOUND } from "./service-access.server";
import { serviceUrlSchema, URL_MESSAGES, type ServiceEnvironmentCode } from "./service-url";

const duplicate = () => new AppError("CONFLICT", "Le formulaire contient des erreurs.", { url: URL_MESSAGES.duplicate });

/**
 * An editor declares a URL of a service for one environment (test or production). The URL is checked and
 * normalised (see service-url.ts); the same URL twice for one service and environment is refused, also when
 * two people add it at the same moment (the unique constraint). Audited as `service.url_added`.
 */
export async function addServiceUrl(
  actor: Actor,
  serviceId: unknown,
  raw: unknown,
  request: RequestContext,
): Promise<{ urlId: string; url: string; environment: ServiceEnvironmentCode }> {
  const access = await requireServiceAccess(actor, serviceId, "service.manage");
  const parsed = serviceUrlSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const { environment, url } = parsed.data;

  try {
    return await db().$transaction(async (tx) => {
      const { organizationId } = await requireManagedServiceInTransaction(tx, actor, access.serviceId);
      const existing = await tx.serviceUrl.findUnique({
        where: { serviceId_environment_url: { serviceId: access.serviceId, environment, url } },
        select: { id: true },
      });
      if (existing) throw duplicate();
      const created = await tx.serviceUrl.create({ data: { serviceId: access.serviceId, environment, url } });
      await recordEvent(tx, {
        name: "service.url_added",
        actor: userActor(actor.userId),
        organizationId,
        subjectId: access.serviceId,
        request,
        payload: { urlId: created.id, environment, url },
      });
      return { urlId: created.id, url, environment };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicate();
    throw error;
  }
}

/** An editor removes a URL of one of their services. Audited as `service.url_removed`. */
export async function removeServiceUrl(
  actor: Actor,
  urlId: unknown,
  request: RequestContext,
): Promise<{ serviceId: string; url: string; environment: ServiceEnvironmentCode }> {
  const id = parseRecordId(urlId, SERVICE_URL_NOT_FOUND);
  return db().$transaction(async (tx) => {
    const row = await tx.serviceUrl.findUnique({ where: { id }, select: { serviceId: true, environment: true, url: true, service: { select: { organizationId: true } } } });
    if (!row || !can(actor, { type: "service.manage", organizationId: row.service.organizationId })) throw new AppError("NOT_FOUND", SERVICE_URL_NOT_FOUND);
    await requireMembershipInTransaction(tx, actor, row.service.organizationId, SERVICE_URL_NOT_FOUND);
    // Two removals of the same URL at once: the second finds nothing to delete and says so.
    const { count } = await tx.serviceUrl.deleteMany({ where: { id } });
    if (count !== 1) throw new AppError("NOT_FOUND", SERVICE_URL_NOT_FOUND);
    await recordEvent(tx, {
      name: "service.url_removed",
      actor: userActor(actor.userId),
      organizationId: row.service.organizationId,
      subjectId: row.serviceId,
      request,
      payload: { urlId: id, environment: row.environment, url: row.url },
    });
    return { serviceId: row.serviceId, url: row.url, environment: row.environment };
  });
}
