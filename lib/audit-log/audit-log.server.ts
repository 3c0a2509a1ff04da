import "server-only";
import { eventRowSelect, withNames } from "../events/read.server";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import {
  AUDIT_CSV_HEADERS,
  AUDIT_EXPORT_MAX_ROWS,
  AUDIT_PAGE_SIZE,
  auditDateRange,
  CSV_BOM,
  csvDate,
  csvLine,
  type AuditLogQuery,
} from "./audit-log-query";

// The audit log for ANS administrators: one filtered page, and the CSV export of the same filters (streamed in
// batches, most recent first, capped).

function requireAuditReader(actor: Actor): void {
  if (!can(actor, { type: "auditLog.read" })) throw new AppError("FORBIDDEN", "Le journal est réservé aux administrateurs ANS.");
}

/** The filters as a query on the log; the organisation and author filters are resolved to ids first (the log has no foreign key). */
async function whereOf(query: AuditLogQuery): Promise<Prisma.EventWhereInput> {
  const where: Prisma.EventWhereInput = {};
  if (query.type) where.name = query.type;
  const range = auditDateRange(query);
  if (range.gte || range.lt) where.occurredAt = range;
  if (query.organization) {
    const organizations = await db().organization.findMany({ where: { legalName: { contains: query.organization, mode: "insensitive" } }, select: { id: true } });
    where.organizationId = { in: organizations.map((o) => o.id) };
  }
  if (query.actorEmail) {
    const users = await db().user.findMany({ where: { email: { contains: query.actorEmail, mode: "insensitive" } }, select: { id: true } });
    where.actorType = "USER";
    where.actorId = { in: users.map((u) => u.id) };
  }
  return where;
}

/** One page of 50 events, most recent first, with the total matching the filters. */
export async function auditLogPage(actor: Actor, query: AuditLogQuery) {
  requireAuditReader(actor);
  const where = await whereOf(query);
  const [total, events] = await Promise.all([
    db().event.count({ where }),
    db().event.findMany({
      where,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: eventRowSelect,
    }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), events: await withNames(events) };
}

const BATCH = 1000;

/**
 * The CSV export: records that it happened (with its filters), then streams a UTF-8 CSV with a BOM, French headers,
 * ";" separators and formula-safe cells, in keyset batches of 1,000 (no OFFSET over a big table), at most
 * AUDIT_EXPORT_MAX_ROWS rows.
 */
export async function auditLogCsv(actor: Actor, query: AuditLogQuery, request: RequestContext, maxRows: number = AUDIT_EXPORT_MAX_ROWS): Promise<ReadableStream<Uint8Array>> {
  requireAuditReader(actor);
  const where = await whereOf(query);
  await db().$transaction(async (tx) => {
    await recordEvent(tx, {
      name: "audit_log.exported",
      actor: userActor(actor.userId),
      request,
      payload: { type: query.type, from: query.from, to: query.to, organization: query.organization },
      personal: { actorEmail: query.actorEmail },
    });
  });
  const encoder = new TextEncoder();
  let cursor: { occurredAt: Date; id: string } | null = null;
  let written = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(AUDIT_CSV_HEADERS)));
        return;
      }
      const take = Math.min(BATCH, maxRows - written);
      if (take <= 0) return controller.close();
      const after: Prisma.EventWhereInput | null = cursor
        ? { OR: [{ occurredAt: { lt: cursor.occurredAt } }, { occurredAt: cursor.occurredAt, id: { lt: cursor.id } }] }
        : null;
      const rows = await withNames(
        await db().event.findMany({
          where: after ? { AND: [where, after] } : where,
          orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
          take,
          select: eventRowSelect,
        }),
      );
      if (rows.length === 0) return controller.close();
      written += rows.length;
      const last = rows[rows.length - 1]!;
      cursor = { occurredAt: last.occurredAt, id: last.id };
      controller.enqueue(
        encoder.encode(
          rows
            .map((e) =>
              csvLine([
                csvDate(e.occurredAt),
                e.label,
                e.name,
                e.actor?.name ?? "",
                e.actor?.email ?? "",
                e.organizationName ?? "",
                e.subjectType ?? "",
                e.subjectId ?? "",
                e.ip ?? "",
                JSON.stringify(e.payload),
              ]),
            )
            .join(""),
        ),
      );
      if (rows.length < take) controller.close();
    },
  });
}
