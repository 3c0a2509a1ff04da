import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { addMonths, parisMonth, parisStartOfMonth } from "./calendar";
import type { DayCounts } from "./fold";
import { defaultPeriod, type StatisticsPeriod } from "./period";
import { refreshStatistics } from "./refresh.server";
import { buildStatistics, durationSummary, type PublicStatistics, type StatisticsReport, type StatisticsRows } from "./report";

// The reads of the statistics (ADR 0036): the rows the job keeps, for a period, turned into the report by report.ts.

export const STATISTICS_REVIEWERS_ONLY = "Les statistiques détaillées sont réservées aux instructeurs et aux administrateurs de l'ANS.";

/** What the page may catch up on before reading (the job does the rest): 4 batches of 5,000 events. */
const REFRESH_ON_READ_BATCHES = 4;

type DayRow = { day: Date } & DayCounts;

async function rowsFor(period: StatisticsPeriod, now: Date): Promise<StatisticsRows> {
  const currentMonth = parisMonth(now);
  const [days, decisions, inForce, expiries, profiles] = await Promise.all([
    db().$queryRaw<DayRow[]>`
      SELECT "day", "submitted", "resubmitted", "approved", "refused", "withdrawn", "ansDelta", "editorDelta"
      FROM "StatisticsDay" WHERE "day" < ${period.end} ORDER BY "day"`,
    db().$queryRaw<{ decidedAt: Date; ansSeconds: number; editorSeconds: number }[]>`
      SELECT "decidedAt", "ansSeconds", "editorSeconds" FROM "StatisticsDossier"
      WHERE "decidedAt" >= ${period.start} AND "decidedAt" < ${period.end} AND "outcome" IN ('APPROVED', 'REFUSED') AND "firstSubmittedAt" IS NOT NULL`,
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
    decisions,
    inForce,
    expiries,
    profiles,
  };
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
  const [inForce, decisions, profiles, cursor] = await Promise.all([
    inForceAt(null),
    db().$queryRaw<{ decidedAt: Date; ansSeconds: number; editorSeconds: number }[]>`
      SELECT "decidedAt", "ansSeconds", "editorSeconds" FROM "StatisticsDossier"
      WHERE "decidedAt" >= ${period.start} AND "decidedAt" < ${period.end} AND "outcome" IN ('APPROVED', 'REFUSED') AND "firstSubmittedAt" IS NOT NULL`,
    db().accessProfile.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, label: true, active: true } }),
    db().statisticsCursor.findUnique({ where: { id: 1 } }),
  ]);
  const countOf = new Map(inForce.map((p) => [p.profileCode, p.count]));
  const listed = profiles.filter((p) => p.active || countOf.has(p.code)).map((p) => ({ profileCode: p.code, label: p.label, count: countOf.get(p.code) ?? 0 }));
  const known = new Set(listed.map((p) => p.profileCode));
  for (const p of inForce) if (!known.has(p.profileCode)) listed.push({ profileCode: p.profileCode, label: `Profil ${p.profileCode}`, count: p.count });
  const summary = durationSummary(decisions);
  return { inForce: listed, total: inForce.reduce((s, p) => s + p.count, 0), medianDays: summary.total.median, decisions: summary.count, refreshedAt: cursor?.refreshedAt ?? null };
}
