import { z } from "zod";
import { eventName, type EventName } from "../events/catalogue";
import { withoutControlCharacters } from "../validation";

// Pure: the audit log's filters as URL parameters (/administration/journal?type=…&du=…&au=…&organisation=…&acteur=…
// &page=…), parsed without ever throwing (a wrong value falls back to "no filter"); the same parameters drive the
// CSV export. And the CSV cells, safe for spreadsheets.

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE = 20_000;
/** The export stops after this many rows (the most recent ones matching the filters). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export type AuditLogQuery = {
  type: EventName | null;
  /** YYYY-MM-DD, inclusive, in Europe/Paris. */
  from: string | null;
  to: string | null;
  organization: string;
  actorEmail: string;
  page: number;
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
const text = z.string().transform((s) => withoutControlCharacters(s).replace(/\s+/g, " ").trim().slice(0, 100));

/** Next's searchParams (or URLSearchParams) → the filters. Never throws. */
export function parseAuditLogQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): AuditLogQuery {
  const get = (key: string): unknown => (params instanceof URLSearchParams ? params.get(key) : first(params[key]));
  const type = eventName.safeParse(get("type"));
  const from = day.safeParse(get("du"));
  const to = day.safeParse(get("au"));
  const organization = text.safeParse(get("organisation") ?? "");
  const actorEmail = text.safeParse(get("acteur") ?? "");
  const pageText = get("page");
  const page = typeof pageText === "string" && /^\d{1,9}$/.test(pageText) ? Math.min(Math.max(1, Number(pageText)), AUDIT_MAX_PAGE) : 1;
  return {
    type: type.success ? type.data : null,
    from: from.success ? from.data : null,
    to: to.success ? to.data : null,
    organization: organization.success ? organization.data : "",
    actorEmail: actorEmail.success ? actorEmail.data.toLowerCase() : "",
    page,
  };
}

/** The filters as URL parameters, empty ones left out. */
export function auditLogQueryParams(query: AuditLogQuery, change: Partial<AuditLogQuery> = {}): URLSearchParams {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.type) params.set("type", q.type);
  if (q.from) params.set("du", q.from);
  if (q.to) params.set("au", q.to);
  if (q.organization) params.set("organisation", q.organization);
  if (q.actorEmail) params.set("acteur", q.actorEmail);
  if (q.page !== 1) params.set("page", String(q.page));
  return params;
}

/** The offset of Europe/Paris from UTC at an instant, in minutes (+60 in winter, +120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Midnight of a Paris day (YYYY-MM-DD) as an instant. */
export function parisDayStart(isoDay: string): Date {
  const utcMidnight = new Date(`${isoDay}T00:00:00Z`);
  // The offset at 00:00 UTC (1 or 2 a.m. in Paris) is the one of Paris midnight: DST changes happen at 01:00 UTC.
  const offset = parisOffsetMinutes(utcMidnight);
  return new Date(utcMidnight.getTime() - offset * 60_000);
}

/** The instant range of the date filters: from the start of `from` to the start of the day after `to`. */
export function auditDateRange(query: Pick<AuditLogQuery, "from" | "to">): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (query.from) range.gte = parisDayStart(query.from);
  if (query.to) {
    const next = new Date(`${query.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    range.lt = parisDayStart(next.toISOString().slice(0, 10));
  }
  return range;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────────────────────

export const CSV_SEPARATOR = ";";
/** Excel reads UTF-8 only with a byte order mark. */
export const CSV_BOM = "\uFEFF";

/**
 * One CSV cell: always quoted, quotes doubled; a value a spreadsheet would run as a formula (starting with =, +, -,
 * @, tab or carriage return) is prefixed with an apostrophe (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
}

export const AUDIT_CSV_HEADERS = [
  "Date (heure de Paris)",
  "Événement",
  "Code de l'événement",
  "Auteur",
  "Adresse e-mail de l'auteur",
  "Organisation",
  "Objet",
  "Identifiant de l'objet",
  "Adresse IP",
  "Détails",
] as const;

const csvDateFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** "26/11/2026 14:03:07" in Paris time: what a spreadsheet reads as a date. */
export function csvDate(date: Date): string {
  return csvDateFormat.format(date).replace(",", "");
}
