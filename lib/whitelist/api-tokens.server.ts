import "server-only";
// API tokens for the gateway (administration): created with a name and shown once, stored as a SHA-256, revocable.
import { randomBytes } from "node:crypto";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { recordId } from "../organizations/organization-schema";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { API_TOKEN_SECRET_BYTES, apiTokenCreationSchema, apiTokenFromBytes, apiTokenHint, hashApiToken, type ApiTokenScope } from "./api-token";

const ADMINISTRATORS_ONLY = "Seuls les administrateurs de l'ANS peuvent gérer les jetons d'API.";
const TOKEN_NOT_FOUND = "Ce jeton est introuvable.";

function requireTokenManager(actor: Actor): void {
  if (!can(actor, { type: "apiToken.manage" })) throw new AppError("FORBIDDEN", ADMINISTRATORS_ONLY);
}

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  calls: number;
  scopes: string[];
};

export async function listApiTokens(actor: Actor): Promise<ApiTokenSummary[]> {
  requireTokenManager(actor);
  const rows = await db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, revokedAt: true, lastUsedAt: true, createdBy: { select: { name: true } }, _count: { select: { calls: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.createdAt, createdBy: r.createdBy.name, revokedAt: r.revokedAt, lastUsedAt: r.lastUsedAt, calls: r._count.calls, scopes: r.scopes }));
}

/** Returns the token itself, once: only its hash is kept. Without scopes, a whitelist reader as before scopes existed. */
export async function createApiToken(
  actor: Actor,
  raw: { name?: unknown; scopes?: unknown },
  request: RequestContext,
): Promise<{ id: string; name: string; token: string; scopes: ApiTokenScope[] }> {
  requireTokenManager(actor);
  const parsed = apiTokenCreationSchema.safeParse({ name: raw.name, scopes: raw.scopes === undefined ? ["whitelist"] : raw.scopes });
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const token = apiTokenFromBytes(new Uint8Array(randomBytes(API_TOKEN_SECRET_BYTES)));
  return db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: parsed.data.name, tokenHash: hashApiToken(token), prefix: apiTokenHint(token), createdById: actor.userId, scopes: parsed.data.scopes },
      select: { id: true, name: true },
    });
    await recordEvent(tx, { name: "api_token.created", actor: userActor(actor.userId), subjectId: created.id, request, payload: { name: created.name, scopes: parsed.data.scopes } });
    return { ...created, token, scopes: parsed.data.scopes };
  });
}

export async function revokeApiToken(actor: Actor, raw: { tokenId?: unknown }, request: RequestContext, now: Date = new Date()): Promise<void> {
  requireTokenManager(actor);
  const id = recordId.safeParse(raw.tokenId);
  if (!id.success) throw new AppError("NOT_FOUND", TOKEN_NOT_FOUND);
  await db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: id.data, revokedAt: null }, data: { revokedAt: now, revokedById: actor.userId, version: { increment: 1 } } });
    if (count !== 1) {
      const exists = await tx.apiToken.findUnique({ where: { id: id.data }, select: { id: true } });
      throw exists ? new AppError("CONFLICT", "Ce jeton est déjà révoqué.") : new AppError("NOT_FOUND", TOKEN_NOT_FOUND);
    }
    await recordEvent(tx, { name: "api_token.revoked", actor: userActor(actor.userId), subjectId: id.data, request, payload: {} });
  });
}
