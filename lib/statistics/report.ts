import { addMonths, lastDayOfMonth, monthLabel, monthsBetween, parisMonth, shortMonthLabel } from "./calendar";
import type { ChartSpec } from "./charts";
import type { DayCounts } from "./fold";
import type { StatisticsPeriod } from "./period";

// Pure: the statistics of the trust space from the rows the job keeps (ADR 0036), for one period: each dataset is
// what one chart shows, its data table and its CSV download.

export type StatisticsRows = {
  /** Every day with a count, from the first one up to the end of the period (the backlog is their running sum). */
  days: readonly ({ day: string } & DayCounts)[];
  /**
   * The percentiles of the time to decision of the dossiers approved or refused during the period, per Paris month of
   * decision and (month null) for the whole period: computed by PostgreSQL (percentile_cont) or by `durationRowsOf`.
   */
  durations: readonly DurationRow[];
  /** Enrolments in force at the end of the period, per access profile. */
  inForce: readonly { profileCode: string; count: number }[];
  /** Certificates of the enrolments in force that expire in each of the next twelve months ("2026-03"). */
  expiries: readonly { month: string; count: number }[];
  profiles: readonly { code: string; label: string }[];
};

export type ColumnKind = "month" | "text" | "count" | "days";
export type Dataset = {
  /** Also the CSV file's name and the anchor of its section. */
  id: string;
  title: string;
  description: string;
  columns: readonly { label: string; kind: ColumnKind }[];
  rows: readonly (readonly (string | number | null)[])[];
  chart: ChartSpec;
};

export type Percentiles = { median: number | null; p90: number | null };

/** Seconds: [median, 90th percentile] of the whole time, of the time waiting for ANS, and for the editor. */
export type DurationRow = {
  month: string | null;
  count: number;
  total: readonly [number | null, number | null];
  ans: readonly [number | null, number | null];
  editor: readonly [number | null, number | null];
};
export type Decision = { decidedAt: Date; ansSeconds: number; editorSeconds: number };
export type DurationSummary = { count: number; total: Percentiles; ans: Percentiles; editor: Percentiles };

export type StatisticsReport = { period: StatisticsPeriod; durations: DurationSummary; datasets: Dataset[] };

export const DAY_SECONDS = 86_400;

/** The p-th percentile (0 to 1) of sorted values, interpolated between ranks like PostgreSQL's percentile_cont. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

const days = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / DAY_SECONDS) * 10) / 10);

const pair = (values: number[]): [number | null, number | null] => {
  const sorted = [...values].sort((a, b) => a - b);
  return [percentile(sorted, 0.5), percentile(sorted, 0.9)];
};

function durationRow(month: string | null, decisions: readonly Decision[]): DurationRow {
  return {
    month,
    count: decisions.length,
    total: pair(decisions.map((d) => d.ansSeconds + d.editorSeconds)),
    ans: pair(decisions.map((d) => d.ansSeconds)),
    editor: pair(decisions.map((d) => d.editorSeconds)),
  };
}

/** What the database computes from the decisions of a period, computed here: the reference definition (tests). */
export function durationRowsOf(decisions: readonly Decision[]): DurationRow[] {
  const byMonth = new Map<string, Decision[]>();
  for (const d of decisions) {
    const month = parisMonth(d.decidedAt);
    byMonth.set(month, [...(byMonth.get(month) ?? []), d]);
  }
  return [...[...byMonth].map(([month, list]) => durationRow(month, list)), durationRow(null, decisions)];
}

const inDays = ([median, p90]: readonly [number | null, number | null]): Percentiles => ({ median: days(median), p90: days(p90) });

/** Median and 90th percentile, in days, of the time from first submission to decision, and of its two parts. */
export function durationSummary(row: DurationRow | undefined): DurationSummary {
  if (!row || row.count === 0) return { count: 0, total: { median: null, p90: null }, ans: { median: null, p90: null }, editor: { median: null, p90: null } };
  return { count: row.count, total: inDays(row.total), ans: inDays(row.ans), editor: inDays(row.editor) };
}

/** "mars\n2026" on the first month and each January, "avr." otherwise. */
function axisMonth(month: string, index: number): string {
  return index === 0 || month.endsWith("-01") ? `${shortMonthLabel(month)}\n${month.slice(0, 4)}` : shortMonthLabel(month);
}

/** The backlogs (waiting for ANS, for the editor) at the end of each day that has a count, in day order. */
export function backlogByDay(rows: StatisticsRows["days"]): { day: string; ans: number; editor: number }[] {
  let ans = 0;
  let editor = 0;
  return [...rows]
    .sort((a, b) => (a.day < b.day ? -1 : 1))
    .map((r) => {
      ans += r.ansDelta;
      editor += r.editorDelta;
      return { day: r.day, ans, editor };
    });
}

/** The backlog at the end of each month (or today, for the current month). */
function backlogAtMonthEnds(rows: StatisticsRows["days"], months: readonly string[]): { ans: number; editor: number }[] {
  const running = backlogByDay(rows);
  let at = 0;
  let last = { ans: 0, editor: 0 };
  return months.map((month) => {
    const end = lastDayOfMonth(month);
    while (at < running.length && running[at]!.day <= end) last = running[at++]!;
    return { ans: last.ans, editor: last.editor };
  });
}

export function buildStatistics(rows: StatisticsRows, period: StatisticsPeriod, now: Date): StatisticsReport {
  const months = period.months;
  const axis = months.map(axisMonth);
  const perMonth = new Map(months.map((m) => [m, { submitted: 0, approved: 0, refused: 0 }]));
  for (const r of rows.days) {
    const counts = perMonth.get(r.day.slice(0, 7));
    if (!counts) continue;
    counts.submitted += r.submitted;
    counts.approved += r.approved;
    counts.refused += r.refused;
  }
  const flow = months.map((m) => perMonth.get(m)!);

  const durationOf = new Map(rows.durations.map((d) => [d.month, d]));
  const monthlyDurations = months.map((m) => durationSummary(durationOf.get(m)));

  const backlog = backlogAtMonthEnds(rows.days, months);

  const labelOf = new Map(rows.profiles.map((p) => [p.code, p.label]));
  const inForce = [...rows.inForce].sort((a, b) => a.profileCode.localeCompare(b.profileCode, "fr", { numeric: true }));
  const profileName = (code: string) => `Profil ${code}${labelOf.has(code) ? ` — ${labelOf.get(code)}` : ""}`;

  const nextMonths = monthsBetween(addMonths(parisMonth(now), 0), addMonths(parisMonth(now), 11));
  const expiryByMonth = new Map(rows.expiries.map((e) => [e.month, e.count]));
  const expiries = nextMonths.map((m) => expiryByMonth.get(m) ?? 0);
  const endLabel = monthLabel(period.to);

  const datasets: Dataset[] = [
    {
      id: "depots-et-decisions",
      title: "Dossiers déposés, approuvés et refusés par mois",
      description: `Nombre de dossiers déposés pour la première fois, approuvés et refusés chaque mois, ${period.label}.`,
      columns: [
        { label: "Mois", kind: "month" },
        { label: "Dossiers déposés", kind: "count" },
        { label: "Dossiers approuvés", kind: "count" },
        { label: "Dossiers refusés", kind: "count" },
      ],
      rows: months.map((m, i) => [m, flow[i]!.submitted, flow[i]!.approved, flow[i]!.refused]),
      chart: {
        kind: "bars",
        categories: axis,
        unit: "dossiers",
        series: [
          { label: "Déposés", values: flow.map((f) => f.submitted) },
          { label: "Approuvés", values: flow.map((f) => f.approved) },
          { label: "Refusés", values: flow.map((f) => f.refused) },
        ],
      },
    },
    {
      id: "delais-de-decision",
      title: "Délai entre le premier dépôt et la décision",
      description: `Médiane et 90e centile, en jours, du délai entre le premier dépôt d'un dossier et son approbation ou son refus, par mois de décision, ${period.label}, avec la part d'attente de l'ANS et celle de l'éditeur.`,
      columns: [
        { label: "Mois de décision", kind: "month" },
        { label: "Décisions", kind: "count" },
        { label: "Délai médian (jours)", kind: "days" },
        { label: "Délai au 90e centile (jours)", kind: "days" },
        { label: "Attente médiane de l'ANS (jours)", kind: "days" },
        { label: "Attente médiane de l'éditeur (jours)", kind: "days" },
      ],
      rows: months.map((m, i) => {
        const s = monthlyDurations[i]!;
        return [m, s.count, s.total.median, s.total.p90, s.ans.median, s.editor.median];
      }),
      chart: {
        kind: "bars",
        categories: axis,
        unit: "jours",
        series: [
          { label: "Délai médian", values: monthlyDurations.map((s) => s.total.median) },
          { label: "90e centile", values: monthlyDurations.map((s) => s.total.p90) },
        ],
      },
    },
    {
      id: "dossiers-en-attente",
      title: "Dossiers en attente à la fin de chaque mois",
      description: `Nombre de dossiers en attente de l'ANS (déposés, à instruire) et en attente de l'éditeur (modifications demandées) à la fin de chaque mois (aujourd'hui pour le mois en cours), ${period.label}.`,
      columns: [
        { label: "Mois", kind: "month" },
        { label: "En attente de l'ANS", kind: "count" },
        { label: "En attente de l'éditeur", kind: "count" },
      ],
      rows: months.map((m, i) => [m, backlog[i]!.ans, backlog[i]!.editor]),
      chart: {
        kind: "lines",
        categories: axis,
        unit: "dossiers",
        series: [
          { label: "En attente de l'ANS", values: backlog.map((b) => b.ans) },
          { label: "En attente de l'éditeur", values: backlog.map((b) => b.editor) },
        ],
      },
    },
    {
      id: "habilitations-par-profil",
      title: `Habilitations en vigueur par profil d'accès, fin ${endLabel}`,
      description: `Nombre de services habilités (habilitations actives ou suspendues) par profil d'accès à la fin de ${endLabel}.`,
      columns: [
        { label: "Profil d'accès", kind: "text" },
        { label: "Habilitations en vigueur", kind: "count" },
      ],
      rows: inForce.map((p) => [profileName(p.profileCode), p.count]),
      chart: { kind: "hbars", categories: inForce.map((p) => profileName(p.profileCode)), unit: "habilitations", series: [{ label: "Habilitations en vigueur", values: inForce.map((p) => p.count) }] },
    },
    {
      id: "certificats-a-echeance",
      title: "Certificats arrivant à expiration dans les douze prochains mois",
      description: `Nombre de certificats des habilitations en vigueur qui expirent chaque mois, de ${monthLabel(nextMonths[0]!)} à ${monthLabel(nextMonths[11]!)} (indépendamment de la période choisie).`,
      columns: [
        { label: "Mois d'expiration", kind: "month" },
        { label: "Certificats", kind: "count" },
      ],
      rows: nextMonths.map((m, i) => [m, expiries[i]!]),
      chart: { kind: "bars", categories: nextMonths.map(axisMonth), unit: "certificats", series: [{ label: "Certificats qui expirent", values: expiries }] },
    },
  ];
  return { period, durations: durationSummary(durationOf.get(null)), datasets };
}

/** What the public page shows (/statistiques): services in force per profile and the median time to a decision. */
export type PublicStatistics = {
  inForce: { profileCode: string; label: string; count: number }[];
  total: number;
  medianDays: number | null;
  decisions: number;
  refreshedAt: Date | null;
};
