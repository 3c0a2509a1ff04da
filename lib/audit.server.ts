import type { Prisma } from "./generated/prisma/client";
import { auditEventType, type AuditEventType } from "./audit-events";
import type { Tx } from "./db.server";
import type { RequestContext } from "./request.server";

export type AuditInput = {
  type: AuditEventType;
  actorId?: string | null;
  organizationId?: string | null;
  subject?: { type: string; id: string };
  request?: RequestContext;
  data?: Prisma.InputJsonObject;
};

/** Appends one event; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      type: auditEventType.parse(event.type),
      actorId: event.actorId ?? null,
      organizationId: event.organizationId ?? null,
      subjectType: event.subject?.type ?? null,
      subjectId: event.subject?.id ?? null,
      ip: event.request?.ip ?? null,
      userAgent: event.request?.userAgent?.slice(0, 500) ?? null,
      data: event.data ?? {},
    },
  });
}
