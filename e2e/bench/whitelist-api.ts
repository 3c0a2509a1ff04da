// GET /api/v1/whitelist with 10,000 enrolments in force in a real PostgreSQL: the route handler's whole work (token
// check, rate-limit count, revision read, export, call log) for a cold export (computed, then from the precomputed
// GatewayEntry rows), the first export after a change, a warm 200 and a 304; the JSON size;
// and the gateway configuration generated from the database. Targets (issues 7, 24): export < 200 ms, first export after a change < 200 ms, 304 < 10 ms.
// Usage: npx tsx e2e/bench/whitelist-api.ts [enrolments]   (starts its own throwaway PostgreSQL; seeds the data itself)
import os from "node:os";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { createTestAuthority } from "../../lib/testing/test-authority";
import { createMigratedDatabase, startTestCluster } from "../../lib/testing/test-cluster";
import { apiTokenFromBytes, hashApiToken, apiTokenHint } from "../../lib/whitelist/api-token";

const COUNT = Number(process.argv[2] ?? 10_000);
const RUNS = 30;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;
const ms = (value: number) => `${value.toFixed(2).padStart(8)} ms`;

async function time<T>(label: string, runs: number, run: () => Promise<T>): Promise<T> {
  let result!: T;
  for (let i = 0; i < 3; i++) result = await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  console.log(`  ${label.padEnd(62)} median ${ms(median(times))}   p95 ${ms(p95(times))}`);
  return result;
}

const cluster = await startTestCluster();
try {
  const url = await createMigratedDatabase(cluster.adminUrl, "ror_bench_whitelist");
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ||= "bench-secret-bench-secret-bench-secret-0123";
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Stopping the cluster after a failure ends this connection: keep the failure's own message, not that one.
  client.on("error", () => {});
  const authority = await createTestAuthority({ notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z"), keyAlgorithm: "EC" });
  const seeded = Date.now();
  await client.query(`
    INSERT INTO "User" (id, email, name, "passwordHash", roles, "updatedAt")
      VALUES ('00000000-0000-4000-8000-000000000001', 'bench@exemple.fr', 'Banc d''essai', 'x', '{ANS_ADMIN}', now());
    INSERT INTO "Organization" (id, "legalName", siret, address, "updatedAt")
      SELECT md5('org' || i)::uuid, 'Éditeur Santé ' || i || ' SAS', lpad((10000000000000 + i)::text, 14, '0'), i || ' rue de la Paix, Paris', now()
      FROM generate_series(1, ${COUNT}) i;
    INSERT INTO "Service" (id, "organizationId", name, "softwareName", "softwareVersion", description, purposes, users,
                           "requestedProfileId", "profileJustification", apis, "updatedAt")
      SELECT md5('svc' || i)::uuid, md5('org' || i)::uuid, 'Agenda Santé ' || i, 'Logiciel', '1.0', 'd', '{ORIENTATION}', 'u',
             (SELECT id FROM "AccessProfile" WHERE code = (1 + i % 4)::text), 'j', '{FHIR}', now()
      FROM generate_series(1, ${COUNT}) i;
    INSERT INTO "Application" (id, "serviceId", "organizationId", kind, status, "requestedProfileId", "requestedProfileCode",
        "submissionCount", "submittedAt", "organizationName", "organizationSiret", "serviceName", "searchText", "createdById", "updatedAt")
      SELECT md5('app' || s.id)::uuid, s.id, s."organizationId", 'NEW', 'APPROVED', s."requestedProfileId", p.code, 1, now(),
             o."legalName", o.siret, s.name, lower(s.name), '00000000-0000-4000-8000-000000000001', now()
      FROM "Service" s JOIN "Organization" o ON o.id = s."organizationId" JOIN "AccessProfile" p ON p.id = s."requestedProfileId";
    INSERT INTO "Enrolment" (id, "serviceId", "organizationId", "applicationId", status, "currentServiceId", "grant", "accessProfileId",
        "accessProfileCode", "level2AuthenticatedPerSecond", "level2PublicPerSecond", "certificateFingerprints", "approvedAt", "approvedById", "updatedAt")
      SELECT md5('enr' || a.id)::uuid, a."serviceId", a."organizationId", a.id, 'ACTIVE', a."serviceId",
             jsonb_build_object(
               'schemaVersion', 1, 'applicationId', a.id, 'submissionNumber', 1,
               'organization', jsonb_build_object('id', a."organizationId", 'name', a."organizationName", 'siret', a."organizationSiret"),
               'service', jsonb_build_object('id', a."serviceId", 'name', a."serviceName", 'softwareName', 'Logiciel', 'softwareVersion', '1.0'),
               'urls', jsonb_build_array(jsonb_build_object('environment', 'PRODUCTION', 'url', 'https://' || md5(a.id::text) || '.exemple.fr/ror')),
               'certificates', jsonb_build_array(jsonb_build_object('environment', 'PRODUCTION',
                  'fingerprintSha256', encode(sha256(convert_to('c' || a.id, 'UTF8')), 'hex'),
                  'fingerprintSha1', substr(encode(sha256(convert_to('s' || a.id, 'UTF8')), 'hex'), 1, 40),
                  'subjectDn', 'CN=' || a."serviceName" || ', OU=373282932000074, O=' || a."organizationName" || ', C=FR',
                  'issuerDn', 'CN=AC IGC-SANTE ELEMENTAIRE ORGANISATIONS, OU=IGC-SANTE, O=ASIP-SANTE, C=FR',
                  'notBefore', '2026-01-01T00:00:00.000Z', 'notAfter', (timestamptz '2027-06-01T00:00:00Z' + (random() * interval '700 days'))::text)),
               'accessProfile', jsonb_build_object('id', p.id, 'code', p.code, 'label', p.label, 'requiresCertificate', true),
               'quotas', jsonb_build_object('level2AuthenticatedPerSecond', 10, 'level2PublicPerSecond', 5, 'reason', null),
               'approvedAt', '2026-06-01T00:00:00.000Z', 'approvedBy', jsonb_build_object('id', '00000000-0000-4000-8000-000000000001', 'name', 'Banc'))
             , p.id, p.code, 10 + (random() * 3)::int * 10, 5, '{}', timestamptz '2026-06-01', '00000000-0000-4000-8000-000000000001', now()
      FROM "Application" a JOIN "AccessProfile" p ON p.id = a."requestedProfileId";
  `);
  // ISO format of notAfter as JavaScript writes it.
  await client.query(`UPDATE "Enrolment" SET "grant" = jsonb_set("grant", '{certificates,0,notAfter}', to_jsonb(to_char((("grant"#>>'{certificates,0,notAfter}')::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))`);
  await client.query(`INSERT INTO "CaCertificate" (id, environment, der, "subjectDn", "issuerDn", "fingerprintSha256", "notBefore", "notAfter")
      VALUES (gen_random_uuid(), 'PRODUCTION', $1, 'root', 'root', 'a', '2025-01-01', '2035-01-01'), (gen_random_uuid(), 'PRODUCTION', $2, 'issuing', 'root', 'b', '2025-01-01', '2035-01-01')`, [Buffer.from(authority.root.der), Buffer.from(authority.issuing.der)]);
  const token = apiTokenFromBytes(new Uint8Array(32).fill(42));
  await client.query(`INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, "createdById") VALUES (gen_random_uuid(), 'Banc', $1, $2, '00000000-0000-4000-8000-000000000001')`, [hashApiToken(token), apiTokenHint(token)]);
  await client.query("VACUUM ANALYZE");
  console.log(`seeded ${COUNT} enrolments in force in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);

  const { whitelistApiResponse } = await import("../../lib/whitelist/api.server");
  const { clearWhitelistExportCache } = await import("../../lib/whitelist/entries.server");
  const { buildGatewayConfig } = await import("../../lib/whitelist/gateway-config.server");
  const now = new Date("2026-11-26T10:00:00Z");
  const request = (headers: Record<string, string> = {}) =>
    new Request("http://portail.test/api/v1/whitelist", { headers: { authorization: `Bearer ${token}`, ...headers } });
  const options = { now, callsPerMinute: 1_000_000 };

  const { clearGatewayEntryMemo, rebuildGatewayEntries, refreshGatewayEntries } = await import("../../lib/whitelist/gateway-entries.server");
  const { db } = await import("../../lib/db.server");
  // Cold: as in a process that just started (no prepared export, no row JSON held).
  const coldExport = async () => {
    clearWhitelistExportCache();
    clearGatewayEntryMemo();
    const response = await whitelistApiResponse(request(), options);
    return { etag: response.headers.get("etag")!, body: await response.text(), status: response.status };
  };

  console.log(`GET /api/v1/whitelist through the route handler (${RUNS} runs after 3 warm-up):`);
  // Seeded by SQL, so no GatewayEntry row yet: every entry is computed on the fly (the path before issue 24).
  const computed = await time("200 JSON, cold, no precomputed entry (read, map, serialise all)", 5, coldExport);
  const rebuildStarted = performance.now();
  const rebuilt = await rebuildGatewayEntries();
  console.log(`  rebuildGatewayEntries: ${rebuilt} enrolments in ${ms(performance.now() - rebuildStarted)}`);
  await client.query("VACUUM ANALYZE");
  const cold = await time("200 JSON, cold process (nothing held: assemble precomputed entries)", 10, coldExport);
  if (cold.status !== 200) throw new Error(`status ${cold.status}`);
  if (cold.body.slice(cold.body.indexOf(",")) !== computed.body.slice(computed.body.indexOf(","))) throw new Error("precomputed and computed exports differ");
  const ids = (await client.query(`SELECT id::text FROM "Enrolment" ORDER BY id LIMIT 200`)).rows.map((r: { id: string }) => r.id);
  let changes = 0;
  const refreshTimes: number[] = [];
  const exportTimes: number[] = [];
  await time("200 JSON, first export after a change (quota + refresh, then export: JSON of new rows only)", 20, async () => {
    const id = ids[changes++ % ids.length]!;
    const started = performance.now();
    await db().$transaction(async (tx) => {
      await tx.enrolment.update({ where: { id }, data: { level2PublicPerSecond: 5 + (changes % 7), version: { increment: 1 } } });
      await refreshGatewayEntries(tx, [id]);
    });
    refreshTimes.push(performance.now() - started);
    const exportStarted = performance.now();
    const response = await whitelistApiResponse(request(), options);
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    exportTimes.push(performance.now() - exportStarted);
    return response.text();
  });
  console.log(`    of which the change's transaction (update + refreshGatewayEntries): median ${ms(median(refreshTimes))}`);
  console.log(`    of which the export (route handler until the response is ready):  median ${ms(median(exportTimes))}   p95 ${ms(p95(exportTimes))}`);
  const document = JSON.parse(cold.body) as { entries: unknown[] };
  console.log(`  JSON: ${document.entries.length} entries, ${(cold.body.length / 1024 / 1024).toFixed(2)} MiB, gzip ${(gzipSync(cold.body).length / 1024).toFixed(0)} KiB`);
  await time("200 JSON, warm (same revision: body from the prepared export)", RUNS, async () => (await whitelistApiResponse(request(), options)).text());
  await time("200 CSV, warm", RUNS, async () => (await whitelistApiResponse(request({ accept: "text/csv" }), options)).text());
  const current = (await whitelistApiResponse(request(), options)).headers.get("etag")!;
  const notModified = await time("304 with If-None-Match", RUNS * 3, async () => whitelistApiResponse(request({ "if-none-match": current }), options));
  if (notModified.status !== 304) throw new Error(`expected 304, got ${notModified.status}`);
  await time("401 (wrong token)", RUNS, async () =>
    whitelistApiResponse(new Request("http://portail.test/api/v1/whitelist", { headers: { authorization: `Bearer ${apiTokenFromBytes(new Uint8Array(32).fill(7))}` } }), options),
  );
  await client.query(`UPDATE "Enrolment" SET "level2PublicPerSecond" = 997 WHERE id = (SELECT id FROM "Enrolment" ORDER BY id DESC LIMIT 1)`);
  const afterChange = await whitelistApiResponse(request({ "if-none-match": current }), options);
  console.log(`  after a quota change: status ${afterChange.status} (the revision moved, the export was rebuilt)`);

  console.log("Gateway configuration from the database (PRODUCTION):");
  const config = await time("buildGatewayConfig (read, select, generate 3 files)", 10, () => buildGatewayConfig("PRODUCTION", now));
  const size = Object.values(config.files).reduce((n, text) => n + text.length, 0);
  console.log(`  ${config.stats.entries} entries, ${config.stats.certificates} certificates, ${config.skipped.length} skipped, ${(size / 1024 / 1024).toFixed(2)} MiB`);
  const calls = await client.query(`SELECT count(*)::int AS n FROM "ApiCall"`);
  console.log(`  ${calls.rows[0].n} calls logged in ApiCall`);
  await client.end();
  await db().$disconnect();
} finally {
  await cluster.stop();
}
