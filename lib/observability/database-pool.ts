// Pure: the database pool's use in the Prometheus text format (ADR 0025).

export function databasePoolText(use: { total: number; idle: number; waiting: number; max: number } | null): string {
  const figures = use ?? { total: 0, idle: 0, waiting: 0, max: 0 };
  return [
    "# HELP portal_db_pool_connections Connections of this instance's database pool: open, idle, in use, and its size.",
    "# TYPE portal_db_pool_connections gauge",
    `portal_db_pool_connections{state="open"} ${figures.total}`,
    `portal_db_pool_connections{state="idle"} ${figures.idle}`,
    `portal_db_pool_connections{state="in_use"} ${figures.total - figures.idle}`,
    `portal_db_pool_connections{state="max"} ${figures.max}`,
    "# HELP portal_db_pool_waiting Queries waiting for a free connection of the pool.",
    "# TYPE portal_db_pool_waiting gauge",
    `portal_db_pool_waiting ${figures.waiting}`,
    "",
  ].join("\n");
}
