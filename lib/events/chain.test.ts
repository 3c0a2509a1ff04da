import { describe, expect, it } from "vitest";
import { canonicalEvent, checkLinks, eventHash, type ChainedEvent } from "./chain";

const base = {
  name: "api_token.created",
  actorType: "USER",
  actorId: "7a3c1f0e-52d4-4b8e-9a51-0c6f3b2d1e90",
  actorJob: null,
  subjectType: "ApiToken",
  subjectId: "2b9e6d4c-1a7f-4e3b-8c5d-9f0a1b2c3d4e",
  organizationId: null,
  occurredAt: new Date("2026-12-01T10:00:00.123Z"),
  payload: { name: "Passerelle", b: [2, 1], a: { z: true, é: null } },
};

function chain(length: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let previousHash: string | null = null;
  for (let i = 1; i <= length; i++) {
    const event = { ...base, id: `e${i}`, sequence: i, previousHash, payload: { ...base.payload, i } };
    const hash = eventHash(event);
    events.push({ ...event, hash });
    previousHash = hash;
  }
  return events;
}

describe("the event chain", () => {
  it("hashes the RFC 8785 form: sorted keys, no spaces, milliseconds since the epoch", () => {
    expect(canonicalEvent({ ...base, sequence: 1, previousHash: null })).toBe(
      '{"actor":{"id":"7a3c1f0e-52d4-4b8e-9a51-0c6f3b2d1e90","job":null,"type":"USER"},"name":"api_token.created","organizationId":null,' +
        '"payload":{"a":{"z":true,"é":null},"b":[2,1],"name":"Passerelle"},"previousHash":null,"sequence":1,' +
        '"subject":{"id":"2b9e6d4c-1a7f-4e3b-8c5d-9f0a1b2c3d4e","type":"ApiToken"},"time":1796119200123}',
    );
    expect(eventHash({ ...base, sequence: 1, previousHash: null })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts an intact chain and ends on its last link", () => {
    const events = chain(4);
    expect(checkLinks(events, { sequence: 0, hash: null })).toEqual({ broken: null, last: { sequence: 4, hash: events[3]!.hash } });
    // Batches continue where the previous one ended.
    expect(checkLinks(events.slice(2), { sequence: 2, hash: events[1]!.hash }).broken).toBeNull();
  });

  it.each([
    ["a changed payload", (e: ChainedEvent[]) => (e[2]!.payload = { forged: true }), 3, "hash"],
    ["a changed time", (e: ChainedEvent[]) => (e[1]!.occurredAt = new Date("2026-12-01T10:00:00.124Z")), 2, "hash"],
    ["a removed event", (e: ChainedEvent[]) => e.splice(1, 1), 3, "sequence"],
    ["a rehashed event whose successor still points at the original", (e: ChainedEvent[]) => {
      e[1]!.payload = { forged: true };
      e[1]!.hash = eventHash(e[1]!);
    }, 3, "previous"],
  ] as const)("names the first broken link after %s", (_case, tamper, sequence, problem) => {
    const events = chain(5);
    tamper(events);
    expect(checkLinks(events, { sequence: 0, hash: null }).broken).toMatchObject({ sequence, problem });
  });
});
