import "server-only";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { parseRecordId, requireMembershipInTransaction } from "../organizations/organization-access.server";

// Shared by the service use cases (and the certificate registry): every service id comes from a URL or a form,
// so it is re-checked against the actor. Someone else's service answers exactly like a service that does not
// exist, so ids reveal nothing.

export const SERVICE_NOT_FOUND = "Ce service numérique est introuvable ou n'appartient pas à votre organisation.";
export const SERVICE_URL_NOT_FOUND = "Cette URL est introuvable parmi celles de vos services.";

export type ServiceAccess = "service.read" | "service.manage";

/** The service's organisation, once the actor may read (or manage) it; NOT_FOUND otherwise. */
export async function requireServiceAccess(actor: Actor, serviceId: unknown, access: ServiceAccess): Promise<{ serviceId: string; organizationId: string }> {
  const id = parseRecordId(serviceId, SERVICE_NOT_FOUND);
  const service = await db().service.findUnique({ where: { id }, select: { organizationId: true } });
  if (!service || !can(actor, { type: access, organizationId: service.organizationId })) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);
  return { serviceId: id, organizationId: service.organizationId };
}

/**
 * Inside the transaction of a change: locks the service row, and checks in the database itself that the actor
 * is still a member of its organisation (a session read a moment ago may be stale).
 */
export async function requireManagedServiceInTransaction(tx: Tx, actor: Actor, serviceId: string): Promise<{ organizationId: string }> {
  const rows = await tx.$queryRaw<{ organizationId: string }[]>`
    SELECT "organizationId"::text AS "organizationId" FROM "Service" WHERE "id" = ${serviceId}::uuid FOR UPDATE`;
  const organizationId = rows[0]?.organizationId;
  if (!organizationId || !can(actor, { type: "service.manage", organizationId })) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);
  await requireMembershipInTransaction(tx, actor, organizationId, SERVICE_NOT_FOUND);
  return { organizationId };
}
