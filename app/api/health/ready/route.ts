import { checkReadiness } from "@/lib/health/readiness.server";

export const dynamic = "force-dynamic";

/** Readiness, for the load balancer: the database answers and has every migration of this build (ADR 0025). */
export async function GET() {
  const { ready, problems } = await checkReadiness();
  return Response.json(ready ? { status: "ok" } : { status: "error", problems }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
