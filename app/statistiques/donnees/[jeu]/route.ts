import { datasetCsv } from "@/lib/statistics/csv";
import { publicDataset } from "@/lib/statistics/public";
import { publicStatistics } from "@/lib/statistics/statistics.server";

// The public statistics as CSV (/statistiques/donnees/services-par-profil.csv): counts only, for everyone.

export async function GET(_request: Request, { params }: { params: Promise<{ jeu: string }> }) {
  const { jeu } = await params;
  const dataset = publicDataset(await publicStatistics());
  if (jeu.replace(/\.csv$/, "") !== dataset.id) {
    return new Response("Ce jeu de données n'existe pas.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(datasetCsv(dataset), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${dataset.id}.csv"`,
      "Cache-Control": "public, max-age=600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
