import { db } from "@/lib/db.server";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the start script. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "error", detail: "Base de données injoignable" }, { status: 503 });
  }
}
