import { addMonths, monthLabel, monthsBetween, parisMonth, parisStartOfMonth } from "./calendar";

// Pure: the period of the statistics page (/instruction/statistiques?du=2026-01&au=2026-12), whole Paris months.
// By default the last twelve months, the current one included. A period in the future, inverted, unreadable or
// longer than ten years is refused with a French message next to its field.

export const PERIOD_MAX_MONTHS = 120;
export const PERIOD_FIRST_MONTH = "2020-01";

export type StatisticsPeriod = {
  from: string;
  to: string;
  months: string[];
  /** The instant the period begins, and the one it ends (excluded): Paris midnight on the 1st. */
  start: Date;
  end: Date;
  label: string;
};

export type PeriodResult = { ok: true; period: StatisticsPeriod; isDefault: boolean } | { ok: false; fieldErrors: { du?: string; au?: string }; values: { du: string; au: string } };

export const PERIOD_MESSAGES = {
  format: "Saisissez un mois au format AAAA-MM, par exemple 2026-01.",
  tooEarly: `Les statistiques commencent en ${monthLabel(PERIOD_FIRST_MONTH)} : choisissez un mois à partir de celui-ci.`,
  future: (current: string) => `La période ne peut pas aller au-delà du mois en cours (${monthLabel(current)}).`,
  inverted: "Le début de la période doit précéder sa fin (ou être le même mois).",
  tooLong: `La période ne peut pas dépasser ${PERIOD_MAX_MONTHS / 12} ans.`,
} as const;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export function periodOf(from: string, to: string): StatisticsPeriod {
  return {
    from,
    to,
    months: monthsBetween(from, to),
    start: parisStartOfMonth(from),
    end: parisStartOfMonth(addMonths(to, 1)),
    label: from === to ? monthLabel(from) : `de ${monthLabel(from)} à ${monthLabel(to)}`,
  };
}

/** The twelve months that end with the current one. */
export function defaultPeriod(now: Date): StatisticsPeriod {
  const current = parisMonth(now);
  return periodOf(addMonths(current, -11), current);
}

/** Next's searchParams → the period, or the errors to show next to "du" and "au". Never throws. */
export function parseStatisticsPeriod(params: Record<string, string | string[] | undefined> | URLSearchParams, now: Date): PeriodResult {
  const get = (key: string) => (params instanceof URLSearchParams ? params.get(key) : first(params[key]));
  const rawFrom = typeof get("du") === "string" ? (get("du") as string).trim() : "";
  const rawTo = typeof get("au") === "string" ? (get("au") as string).trim() : "";
  const current = parisMonth(now);
  if (!rawFrom && !rawTo) return { ok: true, period: defaultPeriod(now), isDefault: true };
  const fieldErrors: { du?: string; au?: string } = {};
  const check = (value: string, field: "du" | "au") => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) fieldErrors[field] = PERIOD_MESSAGES.format;
    else if (value < PERIOD_FIRST_MONTH) fieldErrors[field] = PERIOD_MESSAGES.tooEarly;
    else if (value > current) fieldErrors[field] = PERIOD_MESSAGES.future(current);
  };
  // One bound alone: the other defaults (twelve months before the end, or up to the current month).
  const to = rawTo || current;
  let from = rawFrom;
  if (!from) {
    const guess = /^\d{4}-(0[1-9]|1[0-2])$/.test(to) ? addMonths(to, -11) : PERIOD_FIRST_MONTH;
    from = guess < PERIOD_FIRST_MONTH ? PERIOD_FIRST_MONTH : guess;
  }
  check(from, "du");
  check(to, "au");
  if (!fieldErrors.du && !fieldErrors.au) {
    if (from > to) fieldErrors.du = PERIOD_MESSAGES.inverted;
    else if (monthsBetween(from, to).length > PERIOD_MAX_MONTHS) fieldErrors.du = PERIOD_MESSAGES.tooLong;
  }
  if (fieldErrors.du || fieldErrors.au) return { ok: false, fieldErrors, values: { du: rawFrom, au: rawTo } };
  return { ok: true, period: periodOf(from, to), isDefault: false };
}

/** The period as URL parameters (for the CSV links). */
export function periodParams(period: StatisticsPeriod): URLSearchParams {
  return new URLSearchParams({ du: period.from, au: period.to });
}
