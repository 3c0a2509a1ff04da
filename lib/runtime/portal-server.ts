// The portal's HTTP server: Next's request handler behind a plain Node server, for `npm start`, `npm run dev`, the
// Playwright instances (lib/runtime/serve.ts, under tsx) and production (lib/runtime/production-server.ts, bundled
// into the standalone build). Every request passes here first:
//   - the connection's peer address, for route handlers (ADR 0016);
//   - its id: the trusted proxy's X-Request-Id or a new one, returned in the response (ADR 0025);
//   - the security headers and the Content-Security-Policy with a fresh nonce, or the hashes of a prerendered page's
//     inline scripts (ADR 0024), on every response;
//   - one JSON log line and one timing per request, by route pattern and status (ADR 0025);
//   - a French 4xx for what Next would answer with a 500: a path that is not UTF-8, a foreign server action (ADR 0030).
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { requestScopes } from "../observability/request-scope";
import { acceptedRequestId, REQUEST_ID_HEADER } from "../observability/request-id";
import { routeMatcher } from "../observability/route-pattern";
import { contentSecurityPolicy, securityHeaders } from "../security/content-security-policy";
import { refuseOversizedBody } from "./body-guard";
import { withPeerAddress } from "./peer-address";
import { gateRefusal, refusalResponse } from "./request-gate";
import { NO_PRERENDERED_PAGES, prerenderedPages, type PrerenderedPages } from "./prerendered-pages";

export type PortalServerOptions = {
  /** The project root, or the standalone build's folder. */
  dir: string;
  port: number;
  dev: boolean;
  /** PORTAL_MODE=production: HSTS. */
  production: boolean;
  /** TRUSTED_PROXY_COUNT: whether an X-Request-Id from the proxy is taken. */
  trustedProxies: number;
};

/** The worker that production's instrumentation.ts starts in this process, stopped before the process exits. */
const WORKER_KEY = Symbol.for("ror.in-process-worker");
type InProcessWorker = { stop(): Promise<void> };

const CSP_HEADERS = ["content-security-policy", "content-security-policy-report-only"];

function replaceRequestHeader(req: IncomingMessage, name: string, value: string | null): void {
  delete req.headers[name];
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i]!.toLowerCase() === name) req.rawHeaders.splice(i, 2);
  }
  if (value !== null) {
    req.headers[name] = value;
    req.rawHeaders.push(name, value);
  }
}

function appRoutes(dir: string, dev: boolean): string[] {
  const manifest = path.join(dir, ".next", "app-path-routes-manifest.json");
  if (!dev && existsSync(manifest)) return Object.values(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>);
  // next dev: the routes of app/ as they are at start.
  const routes: string[] = [];
  const walk = (folder: string, route: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const segment = /^\(.*\)$/.test(entry.name) || entry.name.startsWith("@") ? "" : `/${entry.name}`;
        walk(path.join(folder, entry.name), route + segment);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) routes.push(route || "/");
    }
  };
  if (existsSync(path.join(dir, "app"))) walk(path.join(dir, "app"), "");
  return routes;
}

function publicFiles(dir: string): string[] {
  const root = path.join(dir, "public");
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((e) => e.isFile())
    .map((e) => "/" + path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/** Next reads the build's own configuration, as its standalone server does, rather than next.config.js. */
function adoptBuiltConfig(dir: string): void {
  const file = path.join(dir, ".next", "required-server-files.json");
  if (!existsSync(file)) throw new Error(`Aucune construction dans ${path.join(dir, ".next")} : lancez « npm run build ».`);
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify((JSON.parse(readFileSync(file, "utf8")) as { config: unknown }).config);
}

export type PortalServer = { stop(): Promise<void> };

export async function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  const { dir, port, dev, production, trustedProxies } = options;
  if (!dev) adoptBuiltConfig(dir);
  const { default: next } = await import("next");
  const httpServer = createServer();
  const app = next({ dev, dir, port, hostname: "localhost", httpServer });
  await app.prepare();
  const handle = app.getRequestHandler();

  const pages: PrerenderedPages = dev ? NO_PRERENDERED_PAGES : prerenderedPages(path.join(dir, ".next"));
  const routeOf = routeMatcher(appRoutes(dir, dev), publicFiles(dir));
  const fixedHeaders = Object.entries(securityHeaders({ production }));
  const log = logger();
  const { requestDuration } = metrics();

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const startedAt = process.hrtime.bigint();
    const requestId = acceptedRequestId(req.headers[REQUEST_ID_HEADER], trustedProxies) ?? randomUUID();
    replaceRequestHeader(req, REQUEST_ID_HEADER, requestId);
    res.setHeader("X-Request-Id", requestId);

    let pathname = "/";
    try {
      pathname = new URL(req.url ?? "/", "http://portail").pathname;
    } catch {
      // an unparsable target: Next answers it; the policy is the default one
    }
    const nonce = randomBytes(16).toString("base64");
    const policy = contentSecurityPolicy({ nonce, scriptHashes: pages.scriptHashesFor(pathname), development: dev });
    // Next takes the nonce from the request's policy and writes it on the scripts of the page it renders; a policy a
    // client sent is dropped first.
    for (const name of CSP_HEADERS) replaceRequestHeader(req, name, null);
    replaceRequestHeader(req, "content-security-policy", policy);
    res.setHeader("Content-Security-Policy", policy);
    for (const [name, value] of fixedHeaders) res.setHeader(name, value);

    const scope = { requestId } as { requestId: string; userId?: string };
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const route = routeOf(pathname);
      const status = res.writableFinished ? res.statusCode : 499;
      requestDuration.observe({ method: req.method ?? "GET", route, status: String(status) }, seconds);
      log[status >= 500 ? "error" : "info"](
        { requestId, ...(scope.userId ? { userId: scope.userId } : {}), method: req.method, route, status, durationMs: Math.round(seconds * 10_000) / 10 },
        "requête",
      );
    });
    // An oversized body outside the streaming upload routes is refused before Next reads it (ADR 0026).
    if (refuseOversizedBody(req, res)) return;
    // What Next would answer with a 500 (a path that is not UTF-8, a foreign server action) gets a French 4xx here (ADR 0030).
    const refusal = gateRefusal(req.method, req.url, req.headers);
    if (refusal) {
      const answer = refusalResponse(refusal, req.headers.accept);
      res.writeHead(answer.status, { "content-type": answer.contentType, "cache-control": "no-store" });
      res.end(answer.body);
      return;
    }
    return requestScopes.run(scope, () => handle(req, res));
  };
  httpServer.on("request", withPeerAddress(onRequest));
  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  log.info({ port, dev, production }, `Serveur HTTP à l'écoute sur le port ${port}${dev ? " (développement)" : ""}.`);

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        // Requests still running get a few seconds to finish.
        const force = setTimeout(() => httpServer.closeAllConnections(), 5_000);
        force.unref();
        await closed;
        // The worker instrumentation.ts started here finishes the jobs under way.
        await (globalThis as { [WORKER_KEY]?: InProcessWorker })[WORKER_KEY]?.stop().catch(() => undefined);
        await app.close().catch(() => undefined);
      })();
      return stopped;
    },
  };
}

export { WORKER_KEY as IN_PROCESS_WORKER_KEY };
