import "server-only";
import type { Tx } from "../db.server";
import type { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { ACTOR_TYPE_COLUMN, type EventActor } from "./actor";
import { EVENTS, type EventName, type EventPayload, type EventPersonal } from "./catalogue";

export type EventInput<N extends EventName> = {
  name: N;
  actor: EventActor;
  /** The id of the record the event is about (its type comes from the catalogue). */
  subjectId?: string | null;
  organizationId?: string | null;
  payload: EventPayload<N>;
  request?: RequestContext;
  /** When the act happened; the transaction's time by default. */
  at?: Date;
} & ([EventPersonal<N>] extends [never] ? { personal?: never } : { personal: EventPersonal<N> });

// PostgreSQL's jsonb cannot hold U+0000: a NUL that slipped through validation must not turn an act into a 500.
function withoutNul(value: unknown): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? v.replace(/\u0000/g, "\uFFFD") : v))) as Prisma.InputJsonObject;
}

/**
 * The only way an event is written: validates the payload against the catalogue and writes one row in the
 * transaction of the change. Personal data (IP, user agent, e-mails, names) goes to a side table outside the chain.
 * The chain itself (sequence, hash) is computed by the database when the transaction commits (ADR 0011).
 */
export async function recordEvent<N extends EventName>(tx: Tx, input: EventInput<N>): Promise<string> {
  const definition = EVENTS[input.name];
  const payload = withoutNul(definition.payload.parse(input.payload));
  const personalSchema = "personal" in definition ? definition.personal : undefined;
  const personal = personalSchema && input.personal ? withoutNul(personalSchema.parse(input.personal)) : {};
  const subjectId = input.subjectId ?? null;
  const event = await tx.event.create({
    data: {
      name: input.name,
      actorType: ACTOR_TYPE_COLUMN[input.actor.type],
      actorId: input.actor.type === "user" || input.actor.type === "api_token" ? input.actor.id : null,
      actorJob: input.actor.type === "system" ? input.actor.job : null,
      subjectType: subjectId ? definition.subject : null,
      subjectId,
      organizationId: input.organizationId ?? null,
      payload,
      ...(input.at ? { occurredAt: input.at } : {}),
    },
    select: { id: true },
  });
  const hasPersonal = Object.keys(personal).length > 0;
  if (input.request || hasPersonal) {
    await tx.eventPersonalData.create({
      data: {
        eventId: event.id,
        ip: input.request?.ip ?? null,
        userAgent: input.request?.userAgent?.slice(0, 500) ?? null,
        details: personal,
      },
    });
  }
  return event.id;
}
