import { z } from "zod";
import { EVENTS, type EventName } from "../events/catalogue";

// Pure: what a subscription may receive (ADR 0032). Every type but one is an act of the event catalogue, sent as it
// was recorded; `whitelist.changed` is derived: it follows every act that changes what the gateway exports and
// carries the whitelist's new revision and ETags. The list is closed: an unknown name is refused at save time.

export const WHITELIST_CHANGED = "whitelist.changed";

/** The catalogue's acts after which the whitelist export may differ (the revision triggers fire on them). */
export const WHITELIST_SOURCES = [
  "application.approved",
  "enrolment.suspended",
  "enrolment.reinstated",
  "enrolment.revoked",
  "enrolment.superseded",
  "enrolment.quotas_changed",
  "certificate.expired",
  "level1_quota.updated",
  "organization.suspended",
  "organization.reinstated",
] as const satisfies readonly EventName[];

/** The catalogue's acts a subscription may receive as such: the gateway's and ANS tooling's, none with personal data. */
export const FORWARDED_EVENTS = [
  "application.submitted",
  "application.approved",
  "enrolment.suspended",
  "enrolment.reinstated",
  "enrolment.revoked",
  "enrolment.superseded",
  "enrolment.quotas_changed",
  "certificate.expiry_notice_sent",
  "certificate.expired",
  "ca_certificate.retired",
] as const satisfies readonly EventName[];

export const WEBHOOK_TYPES = [WHITELIST_CHANGED, ...FORWARDED_EVENTS] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];
export type ForwardedEvent = (typeof FORWARDED_EVENTS)[number];

const labels: Record<WebhookType, string> = {
  [WHITELIST_CHANGED]: "Liste blanche modifiée (nouvelle révision et ETag)",
  "application.submitted": EVENTS["application.submitted"].label,
  "application.approved": EVENTS["application.approved"].label,
  "enrolment.suspended": EVENTS["enrolment.suspended"].label,
  "enrolment.reinstated": EVENTS["enrolment.reinstated"].label,
  "enrolment.revoked": EVENTS["enrolment.revoked"].label,
  "enrolment.superseded": EVENTS["enrolment.superseded"].label,
  "enrolment.quotas_changed": EVENTS["enrolment.quotas_changed"].label,
  "certificate.expiry_notice_sent": "Certificat bientôt expiré (avis à 60, 30 et 7 jours)",
  "certificate.expired": EVENTS["certificate.expired"].label,
  "ca_certificate.retired": EVENTS["ca_certificate.retired"].label,
};

export function webhookTypeLabel(type: string): string {
  return (labels as Record<string, string>)[type] ?? type;
}

export const WEBHOOK_TYPE_OPTIONS: readonly { type: WebhookType; label: string }[] = WEBHOOK_TYPES.map((type) => ({ type, label: labels[type] }));

export const UNKNOWN_TYPE = "Type d'événement inconnu : choisissez dans la liste.";
export const webhookTypeSchema = z.enum(WEBHOOK_TYPES, { error: UNKNOWN_TYPE });

const forwarded = new Set<string>(FORWARDED_EVENTS);
const whitelistSources = new Set<string>(WHITELIST_SOURCES);

/** The types a recorded act feeds: itself when forwarded, and `whitelist.changed` when it changes the export. */
export function webhookTypesOf(eventName: string): WebhookType[] {
  const types: WebhookType[] = [];
  if (forwarded.has(eventName)) types.push(eventName as ForwardedEvent);
  if (whitelistSources.has(eventName)) types.push(WHITELIST_CHANGED);
  return types;
}

/** The catalogue's acts that feed these types: the database queues the dispatcher only after one of them. */
export function sourceEventsOf(types: readonly WebhookType[]): EventName[] {
  const names = new Set<EventName>();
  for (const type of types) {
    if (type === WHITELIST_CHANGED) for (const name of WHITELIST_SOURCES) names.add(name);
    else names.add(type);
  }
  return [...names].sort();
}

/** Every act the dispatcher may have to read. */
export const ALL_SOURCE_EVENTS: readonly EventName[] = sourceEventsOf(WEBHOOK_TYPES);
