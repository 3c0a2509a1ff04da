import "server-only";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { addMonths, parisMonth, parisStartOfMonth } from "./calendar";
import type { DayCounts } from "./fold";
import { defaultPeriod, type StatisticsPeriod } from "./period";
import { refreshStatistics } from "./refresh.server";
import { buildStatistics, durationSummary, type DurationRow, type PublicStatistics, type StatisticsReport, type StatisticsRows } from "./report";

// The reads of the statistics (ADR 0036): the rows the job keeps, for a period, turned into the report by report.ts.

export const STATISTICS_REVIEWERS_ONLY = "Les statistiques détaillées sont réservées aux instructeurs et aux administrateurs de l'ANS.";

/** What the page may catch up on before reading (the job does the rest): 4 batches of 5,000 events. */
const REFRESH_ON_READ_BATCHES = 4;

type DayRow = { day: Date } & DayCounts;

async function rowsFor(period: StatisticsPeriod, now: Date): Promise<StatisticsRows> {
  const currentMonth = parisMonth(now);
  const [days, durations, inForce, expiries, profiles] = await Promise.all([
    db().$queryRaw<DayRow[]>`
      SELECT "day", "submitted", "resubmitted", "approved", "refused", "withdrawn", "ansDelta", "editorDelta"
      FROM "StatisticsDay" WHERE "day" < ${period.end} ORDER BY "day"`,
    durationsBetween(period.start, period.end, true),
    inForceAt(period.end <= now ? period.end : null),
    db().$queryRaw<{ month: string; count: number }[]>`
      SELECT to_char(c."notAfter" AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS "month", count(*)::int AS "count"
      FROM "StatisticsCertificate" c JOIN "StatisticsEnrolment" e ON e."enrolmentId" = c."enrolmentId"
      WHERE e."endedAt" IS NULL AND c."notAfter" >= ${parisStartOfMonth(currentMonth)} AND c."notAfter" < ${parisStartOfMonth(addMonths(currentMonth, 12))}
      GROUP BY 1`,
    db().accessProfile.findMany({ select: { code: true, label: true } }),
  ]);
  return {
    // The day column is a date: PostgreSQL gives it as UTC midnight of that calendar day.
    days: days.map((d) => ({ ...d, day: d.day.toISOString().slice(0, 10) })),
    durations,
    inForce,
    expiries,
    profiles,
  };
}

/**
 * The percentiles of the time to decision of dossiers decided in [start, end): per Paris month and for the whole
 * range (month null), or the whole range alone. percentile_cont interpolates like report.ts's `percentile`.
 */
async function durationsBetween(start: Date, end: Date, perMonth: boolean): Promise<DurationRow[]> {
  const rows = await db().$queryRaw<{ month: string | null; count: number; total: number[] | null; ans: number[] | null; editor: number[] | null }[]>`
    SELECT ${perMonth ? Prisma.sql`to_char("decidedAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM')` : Prisma.sql`NULL::text`} AS "month", count(*)::int AS "count",
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "ansSeconds" + "editorSeconds") AS "total",
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "ansSeconds") AS "ans",
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "editorSeconds") AS "editor"
    FROM "StatisticsDossier"
    WHERE "decidedAt" >= ${start} AND "decidedAt" < ${end} AND "outcome" IN ('APPROVED', 'REFUSED') AND "firstSubmittedAt" IS NOT NULL
    GROUP BY ${perMonth ? Prisma.sql`GROUPING SETS ((1), ())` : Prisma.sql`()`}`;
  const pair = (values: number[] | null): [number | null, number | null] => [values?.[0] ?? null, values?.[1] ?? null];
  return rows.map((r) => ({ month: r.month, count: r.count, total: pair(r.total), ans: pair(r.ans), editor: pair(r.editor) }));
}

/** Enrolments in force at an instant (null: now), per profile. */
async function inForceAt(instant: Date | null): Promise<{ profileCode: string; count: number }[]> {
  if (!instant) {
    return db().$queryRaw<{ profileCode: string; count: number }[]>`
      SELECT "profileCode", count(*)::int AS "count" FROM "StatisticsEnrolment" WHERE "endedAt" IS NULL GROUP BY "profileCode"`;
  }
  return db().$queryRaw<{ profileCode: string; count: number }[]>`
    SELECT "profileCode", count(*)::int AS "count" FROM "StatisticsEnrolment"
    WHERE "grantedAt" < ${instant} AND ("endedAt" IS NULL OR "endedAt" >= ${instant})
    GROUP BY "profileCode"`;
}

export function requireStatisticsReader(actor: Actor): void {
  if (!can(actor, { type: "ansSpace.view" })) throw new AppError("FORBIDDEN", STATISTICS_REVIEWERS_ONLY);
}

/** The reviewers' statistics for a period, after folding in the latest events. */
export async function statisticsReport(actor: Actor, period: StatisticsPeriod, now: Date = new Date()): Promise<StatisticsReport & { refreshedAt: Date | null }> {
  requireStatisticsReader(actor);
  await refreshStatistics({ maxBatches: REFRESH_ON_READ_BATCHES, now });
  const [rows, cursor] = await Promise.all([rowsFor(period, now), db().statisticsCursor.findUnique({ where: { id: 1 } })]);
  return { ...buildStatistics(rows, period, now), refreshedAt: cursor?.refreshedAt ?? null };
}

/**
 * The public statistics (/statistiques): services in force per access profile and the median time from first
 * submission to decision over the last twelve months. Counts only: no organisation, service or person. Read as the
 * job left them (a visitor never makes the portal write).
 */
export async function publicStatistics(now: Date = new Date()): Promise<PublicStatistics> {
  const period = defaultPeriod(now);
  const [inForce, durations, profiles, cursor] = await Promise.all([
    inForceAt(null),
    durationsBetween(period.start, period.end, false),
    db().accessProfile.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, label: true, active: true } }),
    db().statisticsCursor.findUnique({ where: { id: 1 } }),
  ]);
  const countOf = new Map(inForce.map((p) => [p.profileCode, p.count]));
  const listed = profiles.filter((p) => p.active || countOf.has(p.code)).map((p) => ({ profileCode: p.code, label: p.label, count: countOf.get(p.code) ?? 0 }));
  const known = new Set(listed.map((p) => p.profileCode));
  for (const p of inForce) if (!known.has(p.profileCode)) listed.push({ profileCode: p.profileCode, label: `Profil ${p.profileCode}`, count: p.count });
  const summary = durationSummary(durations[0]);
  return { inForce: listed, total: inForce.reduce((s, p) => s + p.count, 0), medianDays: summary.total.median, decisions: summary.count, refreshedAt: cursor?.refreshedAt ?? null };
}
