// The reviewer queue at scale: 100,000 applications of 20,000 organisations, with 1,000,000 audit events in the
// database. Median server time (the reviewerQueue use case: page query, total count and counts per status) for the
// first page, page 500, a search by SIRET and a search by name. Target: each under 50 ms. Prints the query plans.
// Usage: npx tsx e2e/bench/review-queue.ts   (starts its own throwaway PostgreSQL; seeds the data itself)
import pg from "pg";
import { createMigratedDatabase, startTestCluster } from "../../lib/testing/test-cluster";

const ORGANIZATIONS = 20_000;
const SERVICES_PER_ORGANIZATION = 5;
const AUDIT_EVENTS = 1_000_000;
const RUNS = 30;

const cluster = await startTestCluster();
try {
  const url = await createMigratedDatabase(cluster.adminUrl, "ror_bench_queue");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  // Words that organisation and service names are made of, accents included, so that search is realistic.
  await client.query(`
    CREATE TEMP TABLE words AS SELECT * FROM unnest(ARRAY['Santé','Médical','Numérique','Soins','Orientation','Régulation',
      'Coordination','Hôpital','Clinique','Urgences','Parcours','Agenda','Téléconsultation','Dossier','Réseau','Liaison']) WITH ORDINALITY AS w(word, n);
    INSERT INTO "User" (id, email, name, "passwordHash", roles, "updatedAt")
      VALUES ('00000000-0000-4000-8000-000000000001', 'bench@exemple.fr', 'Banc d''essai', 'x', '{EDITOR}', now());
    INSERT INTO "Organization" (id, "legalName", siret, address, "updatedAt")
      SELECT md5('org' || i)::uuid,
             (SELECT word FROM words WHERE n = 1 + i % 16) || ' ' || (SELECT word FROM words WHERE n = 1 + (i / 16) % 16) || ' ' || i || ' SAS',
             lpad((floor(random() * 1e14))::bigint::text, 14, '0'), i || ' rue de la Paix, Paris', now()
      FROM generate_series(1, ${ORGANIZATIONS}) i;
    INSERT INTO "Service" (id, "organizationId", name, "softwareName", "softwareVersion", description, purposes, users,
                           "requestedProfileId", "profileJustification", apis, "updatedAt")
      SELECT md5('svc' || s)::uuid, md5('org' || (1 + s % ${ORGANIZATIONS}))::uuid,
             (SELECT word FROM words WHERE n = 1 + (s * 7) % 16) || ' ' || s, 'Logiciel', '1.0', 'd', '{ORIENTATION}', 'u',
             (SELECT id FROM "AccessProfile" WHERE code = (s % 5)::text), 'j', '{FHIR}', now()
      FROM generate_series(1, ${ORGANIZATIONS * SERVICES_PER_ORGANIZATION}) s;
    INSERT INTO "Application" (id, "serviceId", "organizationId", kind, status, "openServiceId", "requestedProfileId",
        "requestedProfileCode", "submissionCount", "submittedAt", "statusChangedAt", "organizationName", "organizationSiret",
        "serviceName", "searchText", "createdById", "updatedAt")
      SELECT md5('app' || s.id)::uuid, s.id, s."organizationId",
             (CASE WHEN random() < 0.2 THEN 'AMENDMENT' ELSE 'NEW' END)::"ApplicationKind",
             st.status::"ApplicationStatus",
             CASE WHEN st.status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED') THEN s.id END,
             s."requestedProfileId", p.code, CASE WHEN st.status = 'DRAFT' THEN 0 ELSE 1 END,
             CASE WHEN st.status = 'DRAFT' THEN NULL ELSE now() - random() * interval '400 days' END,
             now() - random() * interval '30 days', o."legalName", o.siret, s.name,
             translate(lower(o."legalName" || ' ' || o.siret || ' ' || s.name), 'éèêëàâäîïôöùûüç', 'eeeeaaaiioouuuc'),
             '00000000-0000-4000-8000-000000000001', now()
      FROM "Service" s
      JOIN "Organization" o ON o.id = s."organizationId"
      JOIN "AccessProfile" p ON p.id = s."requestedProfileId"
      CROSS JOIN LATERAL (SELECT (ARRAY['DRAFT','SUBMITTED','SUBMITTED','CHANGES_REQUESTED','APPROVED','APPROVED','APPROVED',
                                        'APPROVED','APPROVED','APPROVED','REFUSED','WITHDRAWN'])[1 + floor(random() * 12)::int + (s.id IS NULL)::int] AS status) st;
    -- Volume only: the chain trigger is off for the bulk load (this database is thrown away).
    ALTER TABLE "Event" DISABLE TRIGGER "Event_chain";
    INSERT INTO "Event" (id, name, "actorType", "occurredAt", "organizationId", "subjectType", "subjectId", payload)
      SELECT gen_random_uuid(), (ARRAY['user.signed_in','service.updated','application.submitted','certificate.uploaded'])[1 + i % 4],
             'ANONYMOUS', now() - (i || ' seconds')::interval, md5('org' || (1 + i % ${ORGANIZATIONS}))::uuid, 'Application', md5('app' || i), '{}'
      FROM generate_series(1, ${AUDIT_EVENTS}) i;
    ALTER TABLE "Event" ENABLE TRIGGER "Event_chain";
  `);
  // What autovacuum does on a live database after such a load: statistics and the visibility map.
  await client.query("VACUUM ANALYZE");
  const counts = await client.query(`SELECT (SELECT count(*) FROM "Application") AS applications, (SELECT count(*) FROM "Organization") AS organizations,
      (SELECT count(*) FROM "Event") AS events, (SELECT count(*) FROM "Application" WHERE status = 'SUBMITTED') AS submitted`);
  console.log(`Données : ${JSON.stringify(counts.rows[0])} (insérées en ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const sample = await client.query(`SELECT "organizationSiret", "organizationName" FROM "Application" WHERE status = 'SUBMITTED' ORDER BY "submittedAt" LIMIT 1 OFFSET 7000`);
  const { organizationSiret: siret } = sample.rows[0] as { organizationSiret: string; organizationName: string };

  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "banc-d-essai-".repeat(4);
  const { reviewerQueue } = await import("../../lib/review/queue.server");
  const { parseQueueQuery } = await import("../../lib/review/queue-query");
  const { db } = await import("../../lib/db.server");
  const reviewer = { userId: "00000000-0000-4000-8000-000000000002", roles: ["ANS_REVIEWER" as const], memberships: [] };

  const cases: [string, Record<string, string>][] = [
    ["Première page (à instruire, attente la plus longue d'abord)", {}],
    ["Page 500", { page: "500" }],
    ["Recherche par SIRET", { q: siret, statut: "tous" }],
    ["Recherche par SIREN (9 chiffres)", { q: siret.slice(0, 9), statut: "tous" }],
    ["Recherche par nom", { q: "telecons", statut: "tous" }],
    ["Recherche par nom, page 20", { q: "sante", statut: "tous", page: "20" }],
  ];
  for (const [label, params] of cases) {
    const query = parseQueueQuery(params);
    await reviewerQueue(reviewer, query); // warm-up
    const times: number[] = [];
    let result = await reviewerQueue(reviewer, query);
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      result = await reviewerQueue(reviewer, query);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`${label} : médiane ${median.toFixed(1)} ms (${result.rows.length} lignes, ${result.total} au total)`);
  }

  // The plans of the main queries, as Prisma sends them (same WHERE, ORDER BY, LIMIT/OFFSET).
  const explain = async (label: string, sql: string, values: unknown[]) => {
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF, SUMMARY ON) ${sql}`, values);
    console.log(`\n--- ${label}\n${plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")}`);
  };
  await explain("Page 500 : identifiants (jointure différée)", `SELECT id FROM "Application" WHERE status = 'SUBMITTED' ORDER BY "submittedAt" ASC, id ASC LIMIT 25 OFFSET 12475`, []);
  await explain("Total, à instruire", `SELECT count(*) FROM "Application" WHERE status = 'SUBMITTED'`, []);
  await explain("Comptes par statut (table tenue par déclencheur)", `SELECT * FROM "ApplicationStatusCount"`, []);
  await explain("Recherche par SIRET", `SELECT id FROM "Application" WHERE status <> 'DRAFT' AND "organizationSiret" = $1 ORDER BY "submittedAt" ASC, id ASC LIMIT 25`, [siret]);
  await explain("Recherche par SIREN", `SELECT id FROM "Application" WHERE status <> 'DRAFT' AND "searchText" LIKE $1 ORDER BY "submittedAt" ASC, id ASC LIMIT 25`, [`%${siret.slice(0, 9)}%`]);
  await explain("Recherche par nom", `SELECT id FROM "Application" WHERE status <> 'DRAFT' AND "searchText" LIKE $1 ORDER BY "submittedAt" ASC, id ASC LIMIT 25`, ["%telecons%"]);
  await explain("Recherche par nom, total plafonné", `SELECT count(*) FROM (SELECT 1 FROM "Application" WHERE status <> 'DRAFT' AND "searchText" LIKE $1 LIMIT 1001) t`, ["%sante%"]);
  await client.end();
  await db().$disconnect();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cluster.stop();
}
