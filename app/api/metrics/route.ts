import { databasePoolUse } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { backgroundMetrics } from "@/lib/jobs/metrics.server";
import { prometheusText } from "@/lib/jobs/metrics";
import { metrics } from "@/lib/observability/metrics";
import { metricsAccess } from "@/lib/observability/metrics-token";
import { databasePoolText } from "@/lib/observability/database-pool";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/** Prometheus metrics of this instance, for the bearer of METRICS_TOKEN (ADR 0025); 404 when none is configured. */
export async function GET(request: Request): Promise<Response> {
  const access = metricsAccess(env().METRICS_TOKEN, request.headers.get("authorization"));
  if (access === "closed") return plain(404, "Page introuvable.");
  if (access === "refused") return plain(401, "Jeton de métriques absent ou incorrect.", { "WWW-Authenticate": 'Bearer realm="metrics"' });
  const { registry } = metrics();
  const [own, background] = await Promise.all([registry.metrics(), backgroundMetrics().then(prometheusText)]);
  return plain(200, own + background + databasePoolText(databasePoolUse()), { "Content-Type": registry.contentType });
}
