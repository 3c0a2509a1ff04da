import "server-only";
// GET /api/v1/whitelist: token check in constant time, per-token rate limit in Postgres, the prepared export with
// its ETag (304 on If-None-Match), and one ApiCall row for every call with a valid token (ADR 0009, issue 7). Calls
// without a valid token are limited per client address and leave no row (ADR 0027): they cannot flood the log.
import { performance } from "node:perf_hooks";
import { anonymousRefusalMessage, type AnonymousLimit } from "../anonymous-limit";
import { anonymousLimitOf, hitAnonymousLimit } from "../anonymous-limit.server";
import { env } from "../env.server";
import { db } from "../db.server";
import { requestContextFrom } from "../request.server";
import { bearerToken, hasScope, hashApiToken, rateWindowStart, retryAfterSeconds, sameTokenHash, wantsCsv } from "./api-token";
import { preparedWhitelistExport } from "./entries.server";
import { ifNoneMatchMatches, whitelistCsvBody, whitelistEtag, whitelistJsonBody } from "./export";
import type { WhitelistEnvironment } from "./entry";

export type WhitelistApiOptions = {
  now?: Date;
  /** Calls per token and minute; `WHITELIST_API_CALLS_PER_MINUTE` by default. */
  callsPerMinute?: number;
  /** The per-address limit of calls without a valid token (ADR 0027); the `apiWithoutToken` scope's by default. */
  withoutTokenLimit?: AnonymousLimit;
};

export function problem(status: number, title: string, detail: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export type Gate = { tokenId: string | null; refused: boolean; count: number; revision: string; scopes: string[] };

/**
 * One round trip: the token looked up by the SHA-256 of the presented value, and for a usable token the call
 * counted in its rate window and its last use recorded; plus the whitelist revision. The same work whatever the
 * presented value (no header, malformed, unknown, revoked), then a constant-time comparison of the hashes.
 */
export async function gate(authorization: string | null, now: Date): Promise<Gate> {
  const presented = bearerToken(authorization);
  const presentedHash = hashApiToken(presented);
  const rows = await db().$queryRawUnsafe<{ id: string | null; tokenHash: string | null; revoked: boolean | null; count: number | null; revision: string; scopes: string[] | null }[]>(
    `WITH t AS (SELECT "id", "tokenHash", "revokedAt" IS NOT NULL AS "revoked", "scopes" FROM "ApiToken" WHERE "tokenHash" = $1),
          w AS (INSERT INTO "ApiRateWindow" ("tokenId", "windowStart", "count") SELECT "id", $2, 1 FROM t WHERE NOT "revoked"
                ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1 RETURNING "count"),
          u AS (UPDATE "ApiToken" SET "lastUsedAt" = $3 WHERE "id" IN (SELECT "id" FROM t WHERE NOT "revoked"))
     SELECT t."id"::text AS "id", t."tokenHash", t."revoked", t."scopes", (SELECT "count" FROM w) AS "count",
            (SELECT "revision"::text FROM "WhitelistRevision" WHERE "id" = 1) AS "revision"
     FROM (SELECT 1) AS one LEFT JOIN t ON true`,
    presentedHash,
    rateWindowStart(now),
    now,
  );
  const row = rows[0]!;
  const matches = sameTokenHash(row.tokenHash, presentedHash);
  const refused = !matches || presented === "" || row.id === null || row.revoked !== false;
  return { tokenId: row.id, refused, count: Number(row.count ?? 0), revision: row.revision ?? "0", scopes: row.scopes ?? [] };
}

function environmentOf(url: URL): WhitelistEnvironment | undefined | "invalid" {
  const values = url.searchParams.getAll("environment");
  if (values.length === 0) return undefined;
  if (values.length > 1) return "invalid";
  return values[0] === "TEST" || values[0] === "PRODUCTION" ? values[0] : "invalid";
}

export async function whitelistApiResponse(request: Request, options: WhitelistApiOptions = {}): Promise<Response> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const url = new URL(request.url);
  const auth = await gate(request.headers.get("authorization"), now);
  const { ip } = requestContextFrom(request.headers);
  if (auth.refused) {
    const decision = await hitAnonymousLimit("apiWithoutToken", ip, { now, limit: options.withoutTokenLimit ?? anonymousLimitOf("apiWithoutToken") });
    if (!decision.allowed) {
      return problem(429, "Too Many Requests", anonymousRefusalMessage(decision.retryAfterSeconds), { "Retry-After": String(decision.retryAfterSeconds) });
    }
    return problem(401, "Unauthorized", "Jeton d'API absent, inconnu ou révoqué.", { "WWW-Authenticate": "Bearer" });
  }
  let response: Response;
  const limit = options.callsPerMinute ?? env().WHITELIST_API_CALLS_PER_MINUTE;
  const environment = environmentOf(url);
  if (auth.count > limit) {
    response = problem(429, "Too Many Requests", `Plus de ${limit} appels par minute avec ce jeton.`, { "Retry-After": String(retryAfterSeconds(now)) });
  } else if (!hasScope(auth.scopes, "whitelist")) {
    response = problem(403, "Forbidden", "Ce jeton n'a pas le droit « liste blanche » : demandez à un administrateur un jeton qui l'a.");
  } else if (environment === "invalid") {
    response = problem(400, "Bad Request", "Le paramètre environment vaut TEST ou PRODUCTION.");
  } else {
    const format = wantsCsv(request.headers.get("accept")) ? "csv" : "json";
    const { prepared } = await preparedWhitelistExport(environment, now, auth.revision);
    const etag = whitelistEtag(prepared, format);
    const headers = { ETag: etag, "Cache-Control": "no-cache", Vary: "Accept, Authorization" };
    if (ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) {
      response = new Response(null, { status: 304, headers });
    } else {
      const { body, length } = format === "csv" ? whitelistCsvBody(prepared) : whitelistJsonBody(prepared, now);
      const type = format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8";
      response = new Response(body, { status: 200, headers: { ...headers, "Content-Type": type, "Content-Length": String(length) } });
    }
  }
  await db().apiCall.create({
    data: {
      tokenId: auth.tokenId,
      at: now,
      method: request.method.slice(0, 10),
      path: `${url.pathname}${url.search}`.slice(0, 500),
      status: response.status,
      ip,
      durationMs: Math.round(performance.now() - started),
    },
  });
  return response;
}
