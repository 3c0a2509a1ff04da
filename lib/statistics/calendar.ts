// Pure: the calendar of the statistics (ADR 0036). Days and months are those of Europe/Paris, whatever the server's
// zone: a dossier approved at 00:30 in Paris on 1 March counts in March.

const TIME_ZONE = "Europe/Paris";
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** "2026-03-01": the Paris calendar day of an instant. */
export function parisDay(instant: Date): string {
  return dayFormat.format(instant);
}

/** "2026-03": the Paris calendar month of an instant. */
export function parisMonth(instant: Date): string {
  return parisDay(instant).slice(0, 7);
}

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" });

/** Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant a Paris calendar day ("2026-03-01") begins. */
export function parisStartOfDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  let instant = utcMidnight - parisOffsetMinutes(new Date(utcMidnight)) * 60_000;
  instant = utcMidnight - parisOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The instant a Paris calendar month ("2026-03") begins. */
export function parisStartOfMonth(month: string): Date {
  return parisStartOfDay(`${month}-01`);
}

/** "2026-03" + 1 → "2026-04". */
export function addMonths(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The day before a Paris calendar day. */
export function previousDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The last day of a month ("2026-02" → "2026-02-28"). */
export function lastDayOfMonth(month: string): string {
  return previousDay(`${addMonths(month, 1)}-01`);
}

const MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const SHORT_MONTH_NAMES = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/** "mars 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/** "mars" (and the year below on the chart's first month and each January). */
export function shortMonthLabel(month: string): string {
  return SHORT_MONTH_NAMES[Number(month.slice(5, 7)) - 1]!;
}
