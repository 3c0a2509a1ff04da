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
