import { eventLabel } from "../events/catalogue";
import { WHITELIST_CHANGED, webhookTypesOf, type WebhookType } from "./types";

// Pure: what each subscription receives for a batch of recorded acts (ADR 0032). One delivery per (subscription,
// act, type); at most one `whitelist.changed` per subscription and batch, carrying the whitelist as it stands after
// the whole batch. The body is fixed here, once: every try and every replay sends these exact bytes.

export type DispatchedEvent = {
  id: string;
  sequence: bigint;
  name: string;
  subjectType: string | null;
  subjectId: string | null;
  organizationId: string | null;
  occurredAt: Date;
  payload: unknown;
};

export type DispatchSubscription = {
  id: string;
  eventTypes: readonly string[];
  /** Acts recorded up to this sequence happened before the subscription existed. */
  fromSequence: bigint;
};

export type WhitelistEtags = { json: string; csv: string };

/** The whitelist after the batch: its revision and the ETag of each export the API serves. */
export type WhitelistState = {
  revision: string;
  changedAt: Date;
  etags: { all: WhitelistEtags; TEST: WhitelistEtags; PRODUCTION: WhitelistEtags };
  entries: { all: number; TEST: number; PRODUCTION: number };
  /** Where the gateway reads it. */
  exportUrl: string;
};

export type PlannedDelivery = {
  subscriptionId: string;
  /** The act delivered; for `whitelist.changed`, the last act of the batch that changed the whitelist. */
  eventId: string;
  eventSequence: bigint;
  type: WebhookType;
  body: string;
};

/** The Standard Webhooks body of a recorded act: `{ type, timestamp, data }`. */
export function eventBody(type: WebhookType, event: DispatchedEvent): string {
  return JSON.stringify({
    type,
    timestamp: event.occurredAt.toISOString(),
    data: {
      event: { id: event.id, sequence: event.sequence.toString(), name: event.name, label: eventLabel(event.name), occurredAt: event.occurredAt.toISOString() },
      subject: event.subjectType && event.subjectId ? { type: event.subjectType, id: event.subjectId } : null,
      organizationId: event.organizationId,
      details: event.payload ?? {},
    },
  });
}

export function whitelistBody(state: WhitelistState, causes: readonly DispatchedEvent[], at: Date): string {
  return JSON.stringify({
    type: WHITELIST_CHANGED,
    timestamp: at.toISOString(),
    data: {
      revision: state.revision,
      changedAt: state.changedAt.toISOString(),
      etags: state.etags,
      entries: state.entries,
      exportUrl: state.exportUrl,
      causes: causes.map((e) => ({ eventId: e.id, sequence: e.sequence.toString(), name: e.name })),
    },
  });
}

/** Whether the batch holds an act that changes the whitelist for one of these subscriptions. */
export function whitelistCauses(events: readonly DispatchedEvent[], subscriptions: readonly DispatchSubscription[]): DispatchedEvent[] {
  const from = subscriptions.filter((s) => s.eventTypes.includes(WHITELIST_CHANGED)).map((s) => s.fromSequence);
  if (from.length === 0) return [];
  const earliest = from.reduce((a, b) => (b < a ? b : a));
  return events.filter((e) => e.sequence > earliest && webhookTypesOf(e.name).includes(WHITELIST_CHANGED));
}

/**
 * The deliveries of a batch, in the order of the acts. `whitelist` is null when the whitelist's revision has not moved
 * since the last notice (nothing new to tell) or nobody asked for it.
 */
export function planDeliveries(input: {
  events: readonly DispatchedEvent[];
  subscriptions: readonly DispatchSubscription[];
  whitelist: WhitelistState | null;
  at: Date;
}): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  for (const event of input.events) {
    for (const type of webhookTypesOf(event.name)) {
      if (type === WHITELIST_CHANGED) continue;
      for (const subscription of input.subscriptions) {
        if (event.sequence <= subscription.fromSequence || !subscription.eventTypes.includes(type)) continue;
        planned.push({ subscriptionId: subscription.id, eventId: event.id, eventSequence: event.sequence, type, body: eventBody(type, event) });
      }
    }
  }
  if (input.whitelist) {
    for (const subscription of input.subscriptions) {
      if (!subscription.eventTypes.includes(WHITELIST_CHANGED)) continue;
      const causes = input.events.filter((e) => e.sequence > subscription.fromSequence && webhookTypesOf(e.name).includes(WHITELIST_CHANGED));
      const last = causes.at(-1);
      if (!last) continue;
      planned.push({ subscriptionId: subscription.id, eventId: last.id, eventSequence: last.sequence, type: WHITELIST_CHANGED, body: whitelistBody(input.whitelist, causes, input.at) });
    }
  }
  return planned;
}
