import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

// Pure: the canonical form of one event in the chain (RFC 8785 JSON) and its SHA-256. The database computes the
// same hash when the event's transaction commits (event_hash in the event-log migration); this independent
// implementation is what `npm run audit:verify` checks it against.

export type ChainedEvent = {
  id: string;
  sequence: bigint | number;
  previousHash: string | null;
  hash: string | null;
  name: string;
  actorType: string;
  actorId: string | null;
  actorJob: string | null;
  subjectType: string | null;
  subjectId: string | null;
  organizationId: string | null;
  occurredAt: Date;
  payload: unknown;
};

export function canonicalEvent(event: Omit<ChainedEvent, "hash" | "id">): string {
  const text = canonicalize({
    sequence: Number(event.sequence),
    previousHash: event.previousHash,
    name: event.name,
    actor: { type: event.actorType, id: event.actorId, job: event.actorJob },
    subject: { type: event.subjectType, id: event.subjectId },
    organizationId: event.organizationId,
    time: event.occurredAt.getTime(),
    payload: event.payload,
  });
  if (text === undefined) throw new Error("event not serialisable");
  return text;
}

export function eventHash(event: Omit<ChainedEvent, "hash" | "id">): string {
  return createHash("sha256").update(canonicalEvent(event), "utf8").digest("hex");
}

export type BrokenLink = {
  sequence: number;
  eventId: string;
  name: string;
  occurredAt: Date;
  problem: "sequence" | "previous" | "hash";
};

/**
 * Walks events in sequence order from `expected` (the sequence and hash the previous batch ended on) and returns
 * the first broken link, or where the walk ended.
 */
export function checkLinks(
  events: readonly ChainedEvent[],
  from: { sequence: number; hash: string | null },
): { broken: BrokenLink | null; last: { sequence: number; hash: string | null } } {
  let last = from;
  for (const event of events) {
    const sequence = Number(event.sequence);
    const link = { sequence, eventId: event.id, name: event.name, occurredAt: event.occurredAt };
    if (sequence !== last.sequence + 1) return { broken: { ...link, problem: "sequence" }, last };
    if (event.previousHash !== last.hash) return { broken: { ...link, problem: "previous" }, last };
    if (event.hash !== eventHash(event)) return { broken: { ...link, problem: "hash" }, last };
    last = { sequence, hash: event.hash };
  }
  return { broken: null, last };
}

export const BROKEN_LINK_MESSAGES: Record<BrokenLink["problem"], string> = {
  sequence: "un maillon manque ou a été inséré avant lui (numéro de séquence inattendu)",
  previous: "il ne désigne pas le maillon qui le précède (empreinte précédente différente)",
  hash: "son contenu ne correspond plus à son empreinte (événement modifié)",
};
