import { getActor } from "@/lib/auth/session.server";
import { can } from "@/lib/auth/permissions";
import { auditLogCsv } from "@/lib/audit-log/audit-log.server";
import { auditLogQueryParams, parseAuditLogQuery } from "@/lib/audit-log/audit-log-query";
import { requestContextFrom } from "@/lib/request.server";

// The audit log as CSV, with the filters of /administration/journal. ANS administrators only.

export async function GET(request: Request) {
  const url = new URL(request.url);
  const query = parseAuditLogQuery(url.searchParams);
  const actor = await getActor();
  if (!actor) {
    const back = `/administration/journal?${auditLogQueryParams(query).toString()}`;
    return Response.redirect(new URL(`/connexion?retour=${encodeURIComponent(back)}`, url), 303);
  }
  if (!can(actor, { type: "auditLog.read" })) {
    return new Response("Accès refusé : le journal est réservé aux administrateurs ANS.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const stream = await auditLogCsv(actor, query, requestContextFrom(request.headers));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="journal-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
