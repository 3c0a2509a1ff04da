// GET /api/v1/whitelist: token check in constant time, per-token rate limit in Postgres, the prepared export with
// its ETag (304 on If-None-Match), and one ApiCall row for every call, answered or refused (ADR 0009, issue 7).
import { performance } from "node:perf_hooks";
import { db } from "../db.server";
import { requestContextFrom } from "../request.server";
import { bearerToken, callsPerMinuteFrom, hashApiToken, rateWindowStart, retryAfterSeconds, sameTokenHash, wantsCsv } from "./api-token";
import { preparedWhitelistExport } from "./entries.server";
import { ifNoneMatchMatches, whitelistCsv, whitelistEtag, whitelistJson } from "./export";
import type { WhitelistEnvironment } from "./entry";

export type WhitelistApiOptions = {
  now?: Date;
  /** Calls per token and minute; `WHITELIST_API_CALLS_PER_MINUTE` by default. */
  callsPerMinute?: number;
};

function problem(status: number, title: string, detail: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

type Authenticated = { tokenId: string } | { tokenId: string | null; refused: true };

/**
 * The same work whatever the presented value: hash, one lookup by hash, a constant-time comparison. No header, a
 * malformed header, an unknown token and a revoked token take the same path and give the same answer.
 */
async function authenticate(authorization: string | null): Promise<Authenticated> {
  const presented = bearerToken(authorization);
  const presentedHash = hashApiToken(presented);
  const row = await db().apiToken.findUnique({ where: { tokenHash: presentedHash }, select: { id: true, tokenHash: true, revokedAt: true } });
  const matches = sameTokenHash(row?.tokenHash, presentedHash);
  if (!matches || presented === "" || !row || row.revokedAt !== null) return { tokenId: row?.id ?? null, refused: true };
  return { tokenId: row.id };
}

/** Counts this call in the token's current window and records the token's last use, in one statement. */
async function countCall(tokenId: string, now: Date): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ count: number }[]>(
    `WITH used AS (UPDATE "ApiToken" SET "lastUsedAt" = $3 WHERE "id" = $1::uuid)
     INSERT INTO "ApiRateWindow" ("tokenId", "windowStart", "count") VALUES ($1::uuid, $2, 1)
     ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
     RETURNING "count"`,
    tokenId,
    rateWindowStart(now),
    now,
  );
  return Number(rows[0]?.count ?? 0);
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
  const auth = await authenticate(request.headers.get("authorization"));
  let response: Response;
  if ("refused" in auth) {
    response = problem(401, "Unauthorized", "Jeton d'API absent, inconnu ou révoqué.", { "WWW-Authenticate": "Bearer" });
  } else {
    const limit = options.callsPerMinute ?? callsPerMinuteFrom(process.env.WHITELIST_API_CALLS_PER_MINUTE);
    const count = await countCall(auth.tokenId, now);
    const environment = environmentOf(url);
    if (count > limit) {
      response = problem(429, "Too Many Requests", `Plus de ${limit} appels par minute avec ce jeton.`, { "Retry-After": String(retryAfterSeconds(now)) });
    } else if (environment === "invalid") {
      response = problem(400, "Bad Request", "Le paramètre environment vaut TEST ou PRODUCTION.");
    } else {
      const format = wantsCsv(request.headers.get("accept")) ? "csv" : "json";
      const { prepared } = await preparedWhitelistExport(environment, now);
      const etag = whitelistEtag(prepared, format);
      const headers = { ETag: etag, "Cache-Control": "no-cache", Vary: "Accept, Authorization" };
      if (ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) {
        response = new Response(null, { status: 304, headers });
      } else if (format === "csv") {
        response = new Response(whitelistCsv(prepared), { status: 200, headers: { ...headers, "Content-Type": "text/csv; charset=utf-8; header=present" } });
      } else {
        response = new Response(whitelistJson(prepared, now), { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
      }
    }
  }
  const { ip } = requestContextFrom(request.headers);
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
