import { getActor } from "@/lib/auth/session.server";
import { can } from "@/lib/auth/permissions";
import { datasetCsv } from "@/lib/statistics/csv";
import { parseStatisticsPeriod, periodParams } from "@/lib/statistics/period";
import { STATISTICS_REVIEWERS_ONLY, statisticsReport } from "@/lib/statistics/statistics.server";

// One dataset of the statistics as CSV (/instruction/statistiques/donnees/<jeu>.csv?du=…&au=…). ANS staff only.

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });

export async function GET(request: Request, { params }: { params: Promise<{ jeu: string }> }) {
  const url = new URL(request.url);
  const { jeu } = await params;
  const actor = await getActor();
  if (!actor) return Response.redirect(new URL(`/connexion?retour=${encodeURIComponent("/instruction/statistiques")}`, url), 303);
  if (!can(actor, { type: "ansSpace.view" })) return text(`Accès refusé : ${STATISTICS_REVIEWERS_ONLY.charAt(0).toLowerCase()}${STATISTICS_REVIEWERS_ONLY.slice(1)}`, 403);
  const now = new Date();
  const period = parseStatisticsPeriod(url.searchParams, now);
  if (!period.ok) return text(`Période refusée : ${Object.values(period.fieldErrors).join(" ")}`, 400);
  const id = jeu.replace(/\.csv$/, "");
  const report = await statisticsReport(actor, period.period, now);
  const dataset = report.datasets.find((d) => d.id === id);
  if (!dataset) return text("Ce jeu de données n'existe pas.", 404);
  const name = `${dataset.id}-${periodParams(period.period).get("du")}-${periodParams(period.period).get("au")}.csv`;
  return new Response(datasetCsv(dataset), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
