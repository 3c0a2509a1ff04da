import "server-only";
// The catalogue of ROR APIs the gateway protects (issue 24, ADR 0052): administrators list, add, change and retire
// them; the nginx configuration reads the APIs in use (lib/whitelist/gateway-config.server.ts). Every write takes the
// same advisory lock, so two administrators cannot add overlapping prefixes at once.
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { prefixOverlap, rorApiInput, type RorApiKind } from "./ror-api-schema";

export type RorApiRecord = {
  id: string;
  name: string;
  pathPrefix: string;
  kind: RorApiKind;
  level1PerSecond: number;
  retiredAt: Date | null;
  updatedAt: Date;
};

const CATALOGUE_LOCK = 24_052;
const INVALID = "Le formulaire contient des erreurs.";
const ADMINISTRATORS_ONLY = "Seul un administrateur ANS peut gérer le catalogue des API du ROR.";
const MODIFIED_MEANWHILE =
  "Cette API a été modifiée entre-temps par une autre personne. Rechargez la page pour voir sa version actuelle ; rien n'a été enregistré.";
const NOT_FOUND = "Cette API n'existe pas ou a été retirée.";

const fields = { id: true, name: true, pathPrefix: true, kind: true, level1PerSecond: true, retiredAt: true, updatedAt: true } as const;

function requireManager(actor: Actor) {
  if (!can(actor, { type: "catalogue.manage" })) throw new AppError("FORBIDDEN", ADMINISTRATORS_ONLY);
}

const isId = (id: unknown): id is string => typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id);

function parse(raw: unknown) {
  const parsed = rorApiInput.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID, fieldErrorsOf(parsed.error));
  return parsed.data;
}

async function lockCatalogue(tx: Prisma.TransactionClient) {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock($1)`, CATALOGUE_LOCK);
}

async function refuseOverlap(tx: Prisma.TransactionClient, pathPrefix: string, exceptId: string | null) {
  const others = await tx.gatewayApi.findMany({
    where: { retiredAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true, pathPrefix: true },
    orderBy: { pathPrefix: "asc" },
  });
  const overlap = prefixOverlap(pathPrefix, others);
  if (overlap) throw new AppError("CONFLICT", INVALID, { pathPrefix: overlap });
}

/** The APIs in use, by prefix: what the gateway configuration routes. Reference data, no permission needed. */
export async function apisInUse(client: Pick<Prisma.TransactionClient, "gatewayApi"> = db()): Promise<RorApiRecord[]> {
  return client.gatewayApi.findMany({ where: { retiredAt: null }, select: fields, orderBy: { pathPrefix: "asc" } });
}

/** The whole catalogue for administrators: APIs in use first, then retired ones. */
export async function listRorApis(actor: Actor): Promise<RorApiRecord[]> {
  requireManager(actor);
  const rows = await db().gatewayApi.findMany({ select: fields, orderBy: [{ pathPrefix: "asc" }, { createdAt: "asc" }] });
  return [...rows.filter((r) => !r.retiredAt), ...rows.filter((r) => r.retiredAt)];
}

export async function rorApiForEdit(actor: Actor, id: string): Promise<RorApiRecord | null> {
  requireManager(actor);
  if (!isId(id)) return null;
  return db().gatewayApi.findUnique({ where: { id }, select: fields });
}

export async function createRorApi(actor: Actor, raw: unknown, request: RequestContext): Promise<{ id: string }> {
  requireManager(actor);
  const input = parse(raw);
  return db().$transaction(async (tx) => {
    await lockCatalogue(tx);
    await refuseOverlap(tx, input.pathPrefix, null);
    const created = await tx.gatewayApi.create({ data: input, select: { id: true } });
    await recordEvent(tx, { name: "gateway_api.created", actor: userActor(actor.userId), subjectId: created.id, request, payload: { ...input } });
    return created;
  });
}

/** `lastUpdatedAt` is the version the form was opened with: a change made meanwhile is not overwritten. */
export async function updateRorApi(actor: Actor, id: unknown, raw: unknown, request: RequestContext): Promise<{ changed: string[] }> {
  requireManager(actor);
  if (!isId(id)) throw new AppError("NOT_FOUND", NOT_FOUND);
  const input = parse(raw);
  const lastUpdatedAt = typeof raw === "object" && raw !== null ? (raw as { lastUpdatedAt?: unknown }).lastUpdatedAt : undefined;
  const version = typeof lastUpdatedAt === "string" ? new Date(lastUpdatedAt) : null;
  if (!version || Number.isNaN(version.getTime())) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
  return db().$transaction(async (tx) => {
    await lockCatalogue(tx);
    const before = await tx.gatewayApi.findUnique({ where: { id }, select: fields });
    if (!before || before.retiredAt) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (before.updatedAt.getTime() !== version.getTime()) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
    const changes: Record<string, { from: string | number; to: string | number }> = {};
    for (const key of ["name", "pathPrefix", "kind", "level1PerSecond"] as const) {
      if (before[key] !== input[key]) changes[key] = { from: before[key], to: input[key] };
    }
    if (Object.keys(changes).length === 0) return { changed: [] };
    if (changes.pathPrefix) await refuseOverlap(tx, input.pathPrefix, id);
    await tx.gatewayApi.update({ where: { id }, data: input });
    await recordEvent(tx, { name: "gateway_api.updated", actor: userActor(actor.userId), subjectId: id, request, payload: { pathPrefix: input.pathPrefix, changes } });
    return { changed: Object.keys(changes) };
  });
}

/** A retired API leaves the gateway configuration; its row stays for the history, and its prefix is free again. */
export async function retireRorApi(actor: Actor, id: unknown, request: RequestContext, now: Date = new Date()): Promise<void> {
  requireManager(actor);
  if (!isId(id)) throw new AppError("NOT_FOUND", NOT_FOUND);
  await db().$transaction(async (tx) => {
    await lockCatalogue(tx);
    const before = await tx.gatewayApi.findUnique({ where: { id }, select: fields });
    if (!before || before.retiredAt) throw new AppError("NOT_FOUND", NOT_FOUND);
    await tx.gatewayApi.update({ where: { id }, data: { retiredAt: now } });
    await recordEvent(tx, { name: "gateway_api.retired", actor: userActor(actor.userId), subjectId: id, request, payload: { name: before.name, pathPrefix: before.pathPrefix } });
  });
}
