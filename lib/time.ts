import { DAY_MS, HOUR_MS, plural } from "./vocabulary";

// Every date shown to a person is French-formatted in Europe/Paris, whatever the server's zone.
const TIME_ZONE = "Europe/Paris";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, dateStyle: "long" });
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  dateStyle: "long",
  timeStyle: "short",
});

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** "depuis moins d'une heure", "depuis 5 heures", "depuis 1 jour", "depuis 3 jours". */
export function waitingDuration(since: Date, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - since.getTime());
  const hours = Math.floor(elapsed / HOUR_MS);
  if (hours < 1) return "depuis moins d'une heure";
  if (hours < 24) return `depuis ${plural(hours, "heure", "heures")}`;
  return `depuis ${plural(Math.floor(elapsed / DAY_MS), "jour", "jours")}`;
}

/** "en attente depuis 3 jours". */
export function waitingLabel(since: Date, now: Date): string {
  return `en attente ${waitingDuration(since, now)}`;
}

const parisDayParts = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, year: "numeric", month: "numeric", day: "numeric" });

/** The calendar day of `date` in Paris, as a count of days since 1 January 1970. */
function parisDayNumber(date: Date): number {
  const parts = Object.fromEntries(parisDayParts.formatToParts(date).map((p) => [p.type, p.value]));
  return Math.round(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY_MS);
}

/**
 * Days left until `end`, counted as a person does, in calendar days in Europe/Paris: a certificate valid from today
 * to the same date next year has 365 days left (366 over a 29 February), 0 on its last day, a negative count once past.
 */
export function calendarDaysUntil(end: Date, now: Date): number {
  return parisDayNumber(end) - parisDayNumber(now);
}

/** "365 jours restants", "1 jour restant", "dernier jour", "expiré depuis 3 jours". */
export function daysLeftLabel(daysLeft: number): string {
  if (daysLeft < 0) return `expiré depuis ${plural(-daysLeft, "jour", "jours")}`;
  if (daysLeft === 0) return "dernier jour";
  return `${plural(daysLeft, "jour restant", "jours restants")}`;
}
