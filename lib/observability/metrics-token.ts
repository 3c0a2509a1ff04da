import { createHash, timingSafeEqual } from "node:crypto";

// Pure: who may read GET /api/metrics (ADR 0025).

export type MetricsAccess = "open" | "refused" | "closed";

/**
 * `closed` when no METRICS_TOKEN is configured (the endpoint answers 404), `open` when the request's
 * `Authorization: Bearer <token>` is that token (compared in constant time), `refused` otherwise (401).
 */
export function metricsAccess(configured: string | undefined, authorization: string | null): MetricsAccess {
  if (!configured) return "closed";
  const presented = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(configured), digest(presented)) && presented !== "" ? "open" : "refused";
}
