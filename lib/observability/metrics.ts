import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

// The instance's Prometheus counters (ADR 0025), shared through globalThis by our HTTP server, which times every
// request, and the code inside Next, which counts sign-ins and whitelist answers. Each instance counts its own:
// Prometheus scrapes every instance. Figures read from the database at scrape time (jobs, mail, pool) are added by
// GET /api/metrics.

export type PortalMetrics = {
  registry: Registry;
  requestDuration: Histogram<"method" | "route" | "status">;
  signInFailures: Counter<"reason">;
  signInLimited: Counter<"scope">;
  whitelistAnswers: Counter<"status">;
};

const KEY = Symbol.for("ror.metrics");
const shared = globalThis as typeof globalThis & { [KEY]?: PortalMetrics };

function create(): PortalMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "portal_" });
  return {
    registry,
    requestDuration: new Histogram({
      name: "portal_http_request_duration_seconds",
      help: "HTTP requests by method, route (its pattern) and status, with their duration.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: "portal_sign_in_failures_total",
      help: "Sign-ins refused for a wrong e-mail or password.",
      labelNames: ["reason"],
      registers: [registry],
    }),
    signInLimited: new Counter({
      name: "portal_sign_in_limited_total",
      help: "Sign-ins answered 429 by a limit: per (account, address) pair or per address (ADR 0016).",
      labelNames: ["scope"],
      registers: [registry],
    }),
    whitelistAnswers: new Counter({
      name: "portal_whitelist_api_responses_total",
      help: "Answers of GET /api/v1/whitelist by status (200, 304, 401, 429, …).",
      labelNames: ["status"],
      registers: [registry],
    }),
  };
}

export function metrics(): PortalMetrics {
  shared[KEY] ??= create();
  return shared[KEY];
}
