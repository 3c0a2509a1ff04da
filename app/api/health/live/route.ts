export const dynamic = "force-dynamic";

/** Liveness, for the supervisor: the process answers. Asks nothing of the database (ADR 0025). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
