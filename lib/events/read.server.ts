import "server-only";
import { db } from "../db.server";
import type { Prisma } from "../generated/prisma/client";
import { eventLabel, type EventName, type SubjectType } from "./catalogue";

// Reads of the one event log: a subject's history (dossier timeline, enrolment history) and the journal's rows,
// with the names of the people and organisations they point at (the log holds ids only, and no foreign key).

export type EventRow = {
  id: string;
  name: string;
  label: string;
  occurredAt: Date;
  actorType: string;
  actor: { name: string; email: string } | null;
  organizationId: string | null;
  organizationName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  ip: string | null;
};

export const eventRowSelect = {
  id: true,
  name: true,
  occurredAt: true,
  actorType: true,
  actorId: true,
  organizationId: true,
  subjectType: true,
  subjectId: true,
  payload: true,
  personalData: { select: { ip: true } },
} as const satisfies Prisma.EventSelect;

type Selected = Prisma.EventGetPayload<{ select: typeof eventRowSelect }>;

/** Adds the actors' and organisations' names, in two queries whatever the number of rows. */
export async function withNames(rows: Selected[]): Promise<EventRow[]> {
  const userIds = [...new Set(rows.filter((r) => r.actorType === "USER" && r.actorId).map((r) => r.actorId!))];
  const organizationIds = [...new Set(rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])))];
  const [users, organizations] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    organizationIds.length ? db().organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, legalName: true } }) : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, { name: u.name, email: u.email }]));
  const organizationById = new Map(organizations.map((o) => [o.id, o.legalName]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    label: eventLabel(r.name),
    occurredAt: r.occurredAt,
    actorType: r.actorType,
    actor: r.actorType === "USER" && r.actorId ? (userById.get(r.actorId) ?? null) : null,
    organizationId: r.organizationId,
    organizationName: r.organizationId ? (organizationById.get(r.organizationId) ?? null) : null,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    payload: r.payload && typeof r.payload === "object" && !Array.isArray(r.payload) ? (r.payload as Record<string, unknown>) : {},
    ip: r.personalData?.ip ?? null,
  }));
}

export type SubjectFilter = { subjectType: SubjectType; subjectId: string; names?: readonly EventName[] };

/** The events about any of these subjects (each optionally limited to some names), oldest first. */
export async function eventsAbout(subjects: readonly SubjectFilter[]): Promise<EventRow[]> {
  if (subjects.length === 0) return [];
  const rows = await db().event.findMany({
    where: {
      OR: subjects.map((s) => ({ subjectType: s.subjectType, subjectId: s.subjectId, ...(s.names ? { name: { in: [...s.names] } } : {}) })),
    },
    orderBy: [{ occurredAt: "asc" }, { sequence: "asc" }, { id: "asc" }],
    select: eventRowSelect,
  });
  return withNames(rows);
}

/** A text field of a stored payload, if it is one. */
export function payloadText(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === "string" && value !== "" ? value : null;
}
