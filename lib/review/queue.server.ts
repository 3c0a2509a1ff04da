import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import type { Prisma } from "../generated/prisma/client";
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
  total: number;
  pageCount: number;
  /** Submitted dossiers per status (drafts are never counted), whatever the other filters. */
  counts: Record<QueueStatusSlug, number>;
};

/** The `where` of a query: status (never drafts), profile, kind, waiting time, search. */
export function queueWhere(query: QueueQuery, now: Date): Prisma.ApplicationWhereInput {
  const status = statusFilterOf(query);
  const where: Prisma.ApplicationWhereInput = { status: status ?? { not: "DRAFT" } };
  if (query.profileCode) where.requestedProfileCode = query.profileCode;
  if (query.kind) where.kind = QUEUE_KINDS[query.kind];
  if (query.waiting) {
    const range = waitingRange(query.waiting, now);
    where.submittedAt = { ...(range.submittedAfter ? { gt: range.submittedAfter } : {}), ...(range.submittedOnOrBefore ? { lte: range.submittedOnOrBefore } : {}) };
  }
  const term = searchTermOf(query);
  // searchText is stored lower-case and accent-free; LIKE '%term%' uses its trigram index.
  if (term) where.searchText = { contains: term };
  return where;
}

const ORDER: Record<QueueQuery["sort"], Prisma.ApplicationOrderByWithRelationInput[]> = {
  attente: [{ submittedAt: "asc" }, { id: "asc" }],
  recents: [{ submittedAt: "desc" }, { id: "desc" }],
  organisation: [{ organizationName: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
};

/** The reviewer queue: one page of 25, filtered, searched and sorted on the server, with counts per status. */
export async function reviewerQueue(actor: Actor, query: QueueQuery, now: Date = new Date()): Promise<ReviewerQueue> {
  requireReviewer(actor);
  const where = queueWhere(query, now);
  const [rows, total, grouped] = await Promise.all([
    db().application.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
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
    }),
    db().application.count({ where }),
    db().application.groupBy({ by: ["status"], where: { status: { not: "DRAFT" } }, _count: { _all: true } }),
  ]);
  const byStatus = new Map(grouped.map((g) => [g.status, g._count._all]));
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
    pageCount: pageCount(total),
    counts,
  };
}
