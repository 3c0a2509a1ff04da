import { CSV_BOM, csvLine } from "../audit-log/audit-log-query";
import type { Dataset } from "./report";

// Pure: a dataset of the statistics as CSV, like the journal's (";" between cells, UTF-8 with a byte order mark,
// every cell quoted): months as 2026-03, durations in days with a decimal comma, blank where there is no value.

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, useGrouping: false });

export function datasetCsv(dataset: Dataset): string {
  const lines = [csvLine(dataset.columns.map((c) => c.label))];
  for (const row of dataset.rows) {
    lines.push(csvLine(row.map((cell, i) => (cell === null ? "" : dataset.columns[i]?.kind === "days" && typeof cell === "number" ? decimal.format(cell) : cell))));
  }
  return CSV_BOM + lines.join("");
}
