import "server-only";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { Prisma } from "../generated/prisma/client";
import { requireReviewer } from "../applications/application-records.server";
import { AMENDMENT_REASON_LABELS, APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS, type ApplicationStatus } from "../applications/lifecycle";
import {
  QUEUE_KINDS,
  QUEUE_STATUSES,
  pageCount,
  searchTermOf,
  statusFilterOf,
  waitingLabel,
  waitingRange,
  type QueueQuery,
  type QueueStatusSlug,
} from "./queue-query";

export type QueueRow = {
  id: string;
  organizationName: string;
  organizationSiret: string;
  serviceName: string;
  kind: "NEW" | "AMENDMENT";
  kindLabel: string;
  amendmentReasonLabel: string | null;
  status: ApplicationStatus;
  statusLabel: string;
  requestedProfileCode: string;
  submissionCount: number;
  submittedAt: Date | null;
  /** "en attente depuis 3 jours" (since the last submission for a dossier to review, else since its last change). */
  waitingLabel: string;
};

export type ReviewerQueue = {
  rows: QueueRow[];
  /** Exact without a search; with one, counted up to SEARCH_COUNT_CAP (then `totalCapped`: "plus de 1 000"). */
  total: number;
  totalCapped: boolean;
  pageCount: number;
  /** Submitted dossiers per status (drafts are never counted), whatever the other filters. */
  counts: Record<QueueStatusSlug, number>;
};

/**
 * The filters of a query as SQL: status (never drafts), profile, kind, waiting time, search. A whole SIRET (spaces
 * allowed) is looked up by equality; any other term in the lower-case, accent-free searchText, where
 * LIKE '%term%' uses the trigram index.
 */
export function queueConditions(query: QueueQuery, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const status = statusFilterOf(query);
  conditions.push(status ? Prisma.sql`"status" = ${status}::"ApplicationStatus"` : Prisma.sql`"status" <> 'DRAFT'`);
  if (query.profileCode) conditions.push(Prisma.sql`"requestedProfileCode" = ${query.profileCode}`);
  if (query.kind) conditions.push(Prisma.sql`"kind" = ${QUEUE_KINDS[query.kind]}::"ApplicationKind"`);
  if (query.waiting) {
    const range = waitingRange(query.waiting, now);
    if (range.submittedAfter) conditions.push(Prisma.sql`"submittedAt" > ${range.submittedAfter}`);
    if (range.submittedOnOrBefore) conditions.push(Prisma.sql`"submittedAt" <= ${range.submittedOnOrBefore}`);
  }
  const term = searchTermOf(query);
  const digits = term.replace(/ /g, "");
  if (/^\d{14}$/.test(digits)) conditions.push(Prisma.sql`"organizationSiret" = ${digits}`);
  else if (term) conditions.push(Prisma.sql`"searchText" LIKE ${`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return Prisma.join(conditions, " AND ");
}

/** With a search, counting every match of a broad term costs as much as reading them: count up to this. */
export const SEARCH_COUNT_CAP = 1000;

const ORDER: Record<QueueQuery["sort"], Prisma.Sql> = {
  attente: Prisma.sql`"submittedAt" ASC, "id" ASC`,
  recents: Prisma.sql`"submittedAt" DESC, "id" DESC`,
  organisation: Prisma.sql`"organizationName" ASC, "submittedAt" ASC, "id" ASC`,
};

/** The reviewer queue: one page of 25, filtered, searched and sorted on the server, with counts per status. */
export async function reviewerQueue(actor: Actor, query: QueueQuery, now: Date = new Date()): Promise<ReviewerQueue> {
  requireReviewer(actor);
  const where = queueConditions(query, now);
  const searching = query.search.trim() !== "";
  const offset = (query.page - 1) * query.pageSize;
  const [pageIds, counted, statusCounts] = await Promise.all([
    // Deferred join: the page's ids from the index alone (OFFSET skips index entries, not table rows), then the rows.
    db().$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "Application" WHERE ${where} ORDER BY ${ORDER[query.sort]} LIMIT ${query.pageSize} OFFSET ${offset}`,
    searching
      ? db().$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS "count" FROM (SELECT 1 FROM "Application" WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) AS matches`
      : db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Application" WHERE ${where}`,
    // Kept exact by a trigger (see the migration): no count over the whole table on every page.
    db().applicationStatusCount.findMany(),
  ]);
  const ids = pageIds.map((r) => r.id);
  const found = await db().application.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      organizationName: true,
      organizationSiret: true,
      serviceName: true,
      kind: true,
      amendmentReason: true,
      status: true,
      requestedProfileCode: true,
      submissionCount: true,
      submittedAt: true,
      statusChangedAt: true,
    },
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const total = Math.min(counted[0]?.count ?? 0, searching ? SEARCH_COUNT_CAP : Number.MAX_SAFE_INTEGER);
  const byStatus = new Map(statusCounts.map((c) => [c.status, c.count]));
  const counts = Object.fromEntries(Object.entries(QUEUE_STATUSES).map(([slug, status]) => [slug, byStatus.get(status) ?? 0])) as Record<QueueStatusSlug, number>;
  counts.tous = Object.values(QUEUE_STATUSES).reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      organizationName: row.organizationName,
      organizationSiret: row.organizationSiret,
      serviceName: row.serviceName,
      kind: row.kind,
      kindLabel: APPLICATION_KIND_LABELS[row.kind],
      amendmentReasonLabel: row.amendmentReason ? AMENDMENT_REASON_LABELS[row.amendmentReason] : null,
      status: row.status,
      statusLabel: APPLICATION_STATUS_LABELS[row.status],
      requestedProfileCode: row.requestedProfileCode,
      submissionCount: row.submissionCount,
      submittedAt: row.submittedAt,
      waitingLabel: waitingLabel(row.status === "SUBMITTED" && row.submittedAt ? row.submittedAt : row.statusChangedAt, now),
    })),
    total,
    totalCapped: searching && (counted[0]?.count ?? 0) > SEARCH_COUNT_CAP,
    pageCount: pageCount(total),
    counts,
  };
}
