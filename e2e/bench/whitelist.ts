// The whitelist export and the gateway configuration with 10,000 entries in force: the pure work done on every
// `GET /api/v1/whitelist` (selection, serialisation, ETag) and on every configuration generation. Medians.
// Targets (issue 7): export under 200 ms, 304 under 10 ms — the database part is added below once the route exists.
// Usage: npx tsx e2e/bench/whitelist.ts [entries]
import { createHash } from "node:crypto";
import os from "node:os";
import { gzipSync } from "node:zlib";
import { createTestAuthority } from "../../lib/testing/test-authority";
import { nextValidityChange, selectEntriesInForce, type WhitelistEntry } from "../../lib/whitelist/entry";
import { ifNoneMatchMatches, prepareWhitelist, whitelistCsv, whitelistEtag, whitelistJson } from "../../lib/whitelist/export";
import { PreparedWhitelistCache } from "../../lib/whitelist/export-cache";
import { generateNginxConfig, NGINX_HTTP_FILE } from "../../lib/whitelist/nginx-config";
import { syntheticEntries } from "../../lib/testing/test-entries";

const COUNT = Number(process.argv[2] ?? 10_000);
const WARM_UP = 3;
const ITERATIONS = 15;
const now = new Date("2026-11-26T10:00:00Z");
const level1 = { perApiPerSecond: 100 };

/** Wall-clock median and p95, and the median CPU time (user + system), which other load on the machine inflates less. */
function measure<T>(label: string, run: () => T, iterations = ITERATIONS): T {
  let result!: T;
  for (let i = 0; i < WARM_UP; i++) result = run();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const p95 = [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
  const ms = (value: number) => `${value.toFixed(2).padStart(8)} ms`;
  console.log(`  ${label.padEnd(58)} median ${ms(median(times))}   p95 ${ms(p95)}   cpu ${ms(median(cpu))}`);
  return result;
}

const size = (text: string) => {
  const bytes = Buffer.byteLength(text);
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB (${(gzipSync(text).length / 1024).toFixed(0)} KiB gzipped)`;
};

async function main() {
  const authority = await createTestAuthority({
    notBefore: new Date("2025-01-01T00:00:00Z"),
    notAfter: new Date("2035-01-01T00:00:00Z"),
    keyAlgorithm: "EC",
  });
  const entries: WhitelistEntry[] = syntheticEntries(COUNT, now).map((entry) => ({ ...entry, environment: "PRODUCTION" }));
  // Other work on the machine inflates every figure: say how busy it was.
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  console.log(`Whitelist with ${COUNT} entries in force (one certificate each), ${ITERATIONS} runs after ${WARM_UP} warm-up:`);

  const inForce = measure("selectEntriesInForce", () => selectEntriesInForce(entries, now)).entries;
  const prepared = measure("prepare (sort, map, canonical JSON, SHA-256)", () => prepareWhitelist(inForce, level1));
  measure("ETag alone (SHA-256 of the canonical JSON)", () =>
    createHash("sha256").update(prepared.canonicalJson).digest("base64url"),
  );
  const etag = whitelistEtag(prepared, "json");
  // Buffer.from: the bytes actually written, so V8's lazy string concatenation is paid here.
  const json = measure("JSON body from prepared (generatedAt + content, to bytes)", () => {
    const body = whitelistJson(prepared, new Date());
    Buffer.from(body);
    return body;
  });
  measure("JSON export end to end (select + prepare + body)", () =>
    whitelistJson(prepareWhitelist(selectEntriesInForce(entries, now).entries, level1), new Date()),
  );
  measure("304 path end to end (select + prepare + If-None-Match)", () =>
    ifNoneMatchMatches(etag, whitelistEtag(prepareWhitelist(selectEntriesInForce(entries, now).entries, level1), "json")),
  );
  const cache = new PreparedWhitelistCache();
  cache.set("all", "revision-1", nextValidityChange(entries, now), prepared);
  measure(
    "304 with the prepared export cached (revision unchanged)",
    () => {
      const hit = cache.get("all", "revision-1", now);
      if (!hit || !ifNoneMatchMatches(etag, whitelistEtag(hit, "json"))) throw new Error("expected a 304");
      return hit;
    },
    1000,
  );
  const csv = measure("CSV body from prepared", () => whitelistCsv(prepared));
  const config = measure("nginx configuration (maps, zones, CA bundle)", () =>
    generateNginxConfig({
      environment: "PRODUCTION",
      entries: inForce,
      level1,
      caBundlePems: [authority.root.pem, authority.issuing.pem],
      caBundlePath: "/etc/nginx/ror/ror-ca-bundle.pem",
      apis: [{ code: "FHIR", pathPrefix: "/fhir/", access: "authenticated" }],
    }),
  );
  console.log(`  sizes: JSON ${size(json)}; CSV ${size(csv)}; nginx http part ${size(config.files[NGINX_HTTP_FILE])}`);

  // Database-backed figures (read the enrolments in force, then the above), once GET /api/v1/whitelist exists:
  // measure the route's handler with a seeded database of COUNT enrolments, with and without If-None-Match.
}

await main();
