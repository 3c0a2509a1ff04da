import "server-only";
// The sync agent's machine API (issue 25, ADR 0058): GET /api/v1/gateway/configuration and POST
// /api/v1/gateway/reports. Same token gate, rate limit and call log as the whitelist API; the token needs the
// "gateway" scope (403 otherwise).
import { performance } from "node:perf_hooks";
import { anonymousRefusalMessage } from "../anonymous-limit";
import { anonymousLimitOf, hitAnonymousLimit } from "../anonymous-limit.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { readLimitedText } from "../http-body";
import { requestContextFrom } from "../request.server";
import { hasScope, retryAfterSeconds } from "../whitelist/api-token";
import { gate, problem } from "../whitelist/api.server";
import { ifNoneMatchMatches } from "../whitelist/export";
import { gatewayBundleBytes, gatewayBundleEtag, gatewayEnvironmentOf, gatewayReportSchema } from "./bundle";
import { bundleOf, currentGatewayRevision } from "./revisions.server";

export type GatewayApiOptions = { now?: Date; callsPerMinute?: number };

const REPORT_MAX_BYTES = 16 * 1024;

type Handler = (tokenId: string) => Promise<Response>;

async function guarded(request: Request, options: GatewayApiOptions, handle: Handler): Promise<Response> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const url = new URL(request.url);
  const auth = await gate(request.headers.get("authorization"), now);
  const { ip } = requestContextFrom(request.headers);
  if (auth.refused || auth.tokenId === null) {
    const decision = await hitAnonymousLimit("apiWithoutToken", ip, { now, limit: anonymousLimitOf("apiWithoutToken") });
    if (!decision.allowed) return problem(429, "Too Many Requests", anonymousRefusalMessage(decision.retryAfterSeconds), { "Retry-After": String(decision.retryAfterSeconds) });
    return problem(401, "Unauthorized", "Jeton d'API absent, inconnu ou révoqué.", { "WWW-Authenticate": "Bearer" });
  }
  const limit = options.callsPerMinute ?? env().WHITELIST_API_CALLS_PER_MINUTE;
  let response: Response;
  if (auth.count > limit) {
    response = problem(429, "Too Many Requests", `Plus de ${limit} appels par minute avec ce jeton.`, { "Retry-After": String(retryAfterSeconds(now)) });
  } else if (!hasScope(auth.scopes, "gateway")) {
    response = problem(403, "Forbidden", "Ce jeton n'a pas le droit « passerelle » : demandez à un administrateur un jeton qui l'a.");
  } else {
    response = await handle(auth.tokenId);
  }
  await db().apiCall.create({
    data: { tokenId: auth.tokenId, at: now, method: request.method.slice(0, 10), path: `${url.pathname}${url.search}`.slice(0, 500), status: response.status, ip, durationMs: Math.round(performance.now() - started) },
  });
  return response;
}

/** GET: the environment's configuration bundle, 304 when If-None-Match names its ETag. */
export async function gatewayConfigurationResponse(request: Request, options: GatewayApiOptions = {}): Promise<Response> {
  return guarded(request, options, async () => {
    const environment = gatewayEnvironmentOf(new URL(request.url));
    if (environment === "invalid") return problem(400, "Bad Request", "Le paramètre environment vaut TEST ou PRODUCTION (une seule fois).");
    let revision;
    try {
      revision = await currentGatewayRevision(environment, options.now ?? new Date());
    } catch (error) {
      if (error instanceof Error && /CA bundle is empty/.test(error.message)) {
        return problem(409, "Conflict", "Aucune autorité de certification n'est active pour cet environnement : la configuration ne peut pas être générée.");
      }
      throw error;
    }
    const bytes = gatewayBundleBytes(bundleOf(revision));
    const etag = gatewayBundleEtag(bytes);
    const headers = { ETag: etag, "Cache-Control": "no-cache", Vary: "Authorization", "X-Gateway-Revision": revision.id.toString() };
    if (ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    return new Response(bytes, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  });
}

/** POST: what the agent applied, or failed to apply. A revision the portal never served is refused (422). */
export async function gatewayReportResponse(request: Request, options: GatewayApiOptions = {}): Promise<Response> {
  return guarded(request, options, async (tokenId) => {
    const text = await readLimitedText(request, REPORT_MAX_BYTES);
    if (text === "too_large") return problem(413, "Content Too Large", "Le compte rendu dépasse 16 Kio.");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return problem(400, "Bad Request", "Le corps doit être un document JSON.");
    }
    const parsed = gatewayReportSchema.safeParse(json);
    if (!parsed.success) return problem(400, "Bad Request", parsed.error.issues[0]?.message ?? "Compte rendu invalide.");
    const report = parsed.data;
    const revision = await db().gatewayRevision.findFirst({ where: { id: BigInt(report.revision), environment: report.environment }, select: { id: true } });
    if (!revision) return problem(422, "Unprocessable Content", `La révision ${report.revision} n'existe pas pour l'environnement ${report.environment}.`);
    const created = await db().gatewayReport.create({
      data: {
        revisionId: revision.id,
        environment: report.environment,
        tokenId,
        result: report.result === "applied" ? "APPLIED" : "FAILED",
        // nginx's words, without control characters other than newlines and tabs.
        message: report.message.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ""),
        appliedAt: new Date(report.appliedAt),
        receivedAt: options.now ?? new Date(),
      },
      select: { id: true },
    });
    return new Response(JSON.stringify({ id: created.id.toString() }), { status: 201, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
  });
}
