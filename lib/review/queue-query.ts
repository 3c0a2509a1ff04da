import { z } from "zod";
import type { ApplicationKind, ApplicationStatus } from "../applications/lifecycle";
import { normalizeSearch } from "../applications/snapshot";
import { DAY_MS } from "../vocabulary";
import { withoutControlCharacters } from "../validation";

// Pure: the reviewer queue's URL (/instruction?statut=…&profil=…&type=…&attente=…&q=…&tri=…&page=…), parsed
// without ever throwing: a wrong or forged value falls back to its default. Drafts are never in the queue.

export const QUEUE_PAGE_SIZE = 25;
export const QUEUE_MAX_PAGE = 100_000;
export const QUEUE_SEARCH_MAX_LENGTH = 100;

export const QUEUE_STATUSES = {
  "a-instruire": "SUBMITTED",
  "modifications-demandees": "CHANGES_REQUESTED",
  approuves: "APPROVED",
  refuses: "REFUSED",
  retires: "WITHDRAWN",
} as const satisfies Record<string, Exclude<ApplicationStatus, "DRAFT">>;
export type QueueStatusSlug = keyof typeof QUEUE_STATUSES | "tous";

export const QUEUE_STATUS_LABELS: Record<QueueStatusSlug, string> = {
  "a-instruire": "À instruire",
  "modifications-demandees": "Modifications demandées",
  approuves: "Approuvés",
  refuses: "Refusés",
  retires: "Retirés",
  tous: "Tous les dossiers déposés",
};

export const QUEUE_KINDS = { nouveau: "NEW", modification: "AMENDMENT" } as const satisfies Record<string, ApplicationKind>;
export type QueueKindSlug = keyof typeof QUEUE_KINDS;

export const WAITING_BUCKETS = ["moins-de-7-jours", "7-a-30-jours", "plus-de-30-jours"] as const;
export type WaitingBucket = (typeof WAITING_BUCKETS)[number];
export const WAITING_BUCKET_LABELS: Record<WaitingBucket, string> = {
  "moins-de-7-jours": "Moins de 7 jours",
  "7-a-30-jours": "De 7 à 30 jours",
  "plus-de-30-jours": "Plus de 30 jours",
};

export const QUEUE_SORTS = ["attente", "recents", "organisation"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  attente: "Attente la plus longue d'abord",
  recents: "Dépôts les plus récents d'abord",
  organisation: "Organisation (A à Z)",
};

/** Whose dossiers (ADR 0035): the viewer's own, or those nobody has taken. */
export const QUEUE_ASSIGNMENTS = ["mes-dossiers", "non-attribues"] as const;
export type QueueAssignment = (typeof QUEUE_ASSIGNMENTS)[number];
export const QUEUE_ASSIGNMENT_LABELS: Record<QueueAssignment, string> = {
  "mes-dossiers": "Mes dossiers",
  "non-attribues": "Non attribués",
};

export type QueueQuery = {
  status: QueueStatusSlug;
  assignment: QueueAssignment | null;
  profileCode: string | null;
  kind: QueueKindSlug | null;
  waiting: WaitingBucket | null;
  search: string;
  sort: QueueSort;
  page: number;
  pageSize: typeof QUEUE_PAGE_SIZE;
};

export const DEFAULT_QUEUE_QUERY: QueueQuery = {
  status: "a-instruire",
  assignment: null,
  profileCode: null,
  kind: null,
  waiting: null,
  search: "",
  sort: "attente",
  page: 1,
  pageSize: QUEUE_PAGE_SIZE,
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const fallback = <T extends z.ZodType>(schema: T, value: z.infer<T>) => z.preprocess(first, schema).catch(value);

const queueQuerySchema = z.object({
  statut: fallback(z.enum(["tous", ...(Object.keys(QUEUE_STATUSES) as (keyof typeof QUEUE_STATUSES)[])]), DEFAULT_QUEUE_QUERY.status),
  profil: fallback(
    z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}._-]{1,40}$/u)
      .nullable(),
    null,
  ),
  attribution: fallback(z.enum(QUEUE_ASSIGNMENTS).nullable(), null),
  type: fallback(z.enum(Object.keys(QUEUE_KINDS) as [QueueKindSlug, ...QueueKindSlug[]]).nullable(), null),
  attente: fallback(z.enum(WAITING_BUCKETS).nullable(), null),
  q: fallback(
    z.string().transform((s) => withoutControlCharacters(s).replace(/\s+/g, " ").trim().slice(0, QUEUE_SEARCH_MAX_LENGTH)),
    "",
  ),
  tri: fallback(z.enum(QUEUE_SORTS), DEFAULT_QUEUE_QUERY.sort),
  page: fallback(
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(QUEUE_MAX_PAGE)),
    1,
  ),
});

/** Next's searchParams (or URLSearchParams) → the query. Never throws. */
export function parseQueueQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): QueueQuery {
  const record: Record<string, unknown> = {};
  if (params instanceof URLSearchParams) for (const key of new Set(params.keys())) record[key] = params.get(key);
  else Object.assign(record, params);
  const parsed = queueQuerySchema.parse({
    statut: record.statut,
    attribution: record.attribution ?? null,
    profil: record.profil ?? null,
    type: record.type ?? null,
    attente: record.attente ?? null,
    q: record.q ?? "",
    tri: record.tri,
    page: record.page,
  });
  return {
    status: parsed.statut,
    assignment: parsed.attribution,
    profileCode: parsed.profil,
    kind: parsed.type,
    waiting: parsed.attente,
    search: parsed.q,
    sort: parsed.tri,
    page: parsed.page,
    pageSize: QUEUE_PAGE_SIZE,
  };
}

/** The query as URL parameters, defaults left out (for pagination, sort and filter links). */
export function queueQueryParams(query: QueueQuery, change: Partial<QueueQuery> = {}): URLSearchParams {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.status !== DEFAULT_QUEUE_QUERY.status) params.set("statut", q.status);
  if (q.assignment) params.set("attribution", q.assignment);
  if (q.profileCode) params.set("profil", q.profileCode);
  if (q.kind) params.set("type", q.kind);
  if (q.waiting) params.set("attente", q.waiting);
  if (q.search) params.set("q", q.search);
  if (q.sort !== DEFAULT_QUEUE_QUERY.sort) params.set("tri", q.sort);
  if (q.page !== 1) params.set("page", String(q.page));
  return params;
}

/** The status the query filters on, or null for every submitted dossier (drafts are never listed). */
export function statusFilterOf(query: QueueQuery): Exclude<ApplicationStatus, "DRAFT"> | null {
  return query.status === "tous" ? null : QUEUE_STATUSES[query.status];
}

/** The search text, normalised like the stored one; empty when there is nothing to search. */
export function searchTermOf(query: QueueQuery): string {
  return normalizeSearch(query.search);
}


/** The range of "waiting since" (submittedAt) that a bucket means at `now`. */
export function waitingRange(bucket: WaitingBucket, now: Date): { submittedAfter?: Date; submittedOnOrBefore?: Date } {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  switch (bucket) {
    case "moins-de-7-jours":
      return { submittedAfter: daysAgo(7) };
    case "7-a-30-jours":
      return { submittedAfter: daysAgo(30), submittedOnOrBefore: daysAgo(7) };
    case "plus-de-30-jours":
      return { submittedOnOrBefore: daysAgo(30) };
  }
}

/** The number of pages for `total` rows (at least 1). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
}
