import { expect } from "@playwright/test";
import { readE2eRun, type E2eRun } from "../../lib/testing/e2e-run";

/** The production-mode instance of the run (lib/testing/e2e-server.ts), once it answers ready. */
export async function productionInstance(): Promise<E2eRun> {
  const run = readE2eRun();
  await expect
    .poll(async () => (await fetch(`${run.productionUrl}/api/health/ready`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
  return run;
}

/** The value of one sample of a Prometheus text exposition, 0 when absent. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[3] ?? "").matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) total += Number(match[4]);
  }
  return total;
}
