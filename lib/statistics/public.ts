import type { Dataset, PublicStatistics } from "./report";

// Pure: the public page's one dataset (ADR 0036): services in force per access profile, counts only.

export function publicDataset(stats: PublicStatistics): Dataset {
  const name = (p: PublicStatistics["inForce"][number]) => `Profil ${p.profileCode} — ${p.label}`;
  return {
    id: "services-par-profil",
    title: "Services habilités par profil d'accès",
    description: "Nombre de services numériques dont l'habilitation est en vigueur (active ou suspendue), par profil d'accès aux données du ROR.",
    columns: [
      { label: "Profil d'accès", kind: "text" },
      { label: "Services habilités", kind: "count" },
    ],
    rows: stats.inForce.map((p) => [name(p), p.count]),
    chart: { kind: "hbars", categories: stats.inForce.map(name), unit: "services", series: [{ label: "Services habilités", values: stats.inForce.map((p) => p.count) }] },
  };
}
