import "server-only";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { parseRecordId } from "../organizations/organization-access.server";
import type { RequestContext } from "../request.server";
import { requireServiceAccess, SERVICE_NOT_FOUND } from "../services/service-access.server";
import { openApplicationInTransaction } from "./open-application.server";

/**
 * An editor starts the application of a service that is not enrolled yet: a draft, which they complete and then
 * submit. Refused (CONFLICT) when the service already has an open application or an enrolment in force.
 * Audited as `application.created`; the timeline starts with "created".
 */
export async function createDraft(
  actor: Actor,
  raw: { serviceId?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ applicationId: string; version: number }> {
  const serviceId = parseRecordId(raw?.serviceId, SERVICE_NOT_FOUND);
  await requireServiceAccess(actor, serviceId, "service.manage");
  return db().$transaction(async (tx) => {
    const opened = await openApplicationInTransaction(tx, actor, serviceId, "NEW", null, request, now);
    return { applicationId: opened.applicationId, version: opened.version };
  });
}
