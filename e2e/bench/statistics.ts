// The statistics page at scale (ADR 0036): 100,000 applications of 20,000 organisations and 1,000,000 events in the
// log, of which each dossier's own path (first submission, requests for changes and resubmissions, decision) over the
// last three years and enrolments with their certificates. Measures the first fold of the whole log (the job's first
// run), then the page's server render: the report's reads plus the HTML and SVG of its charts and tables (median of
// 30, with nothing new to fold), and once more with 1,000 new events to fold on read. Target: under 300 ms.
// Usage: npm run bench:statistics   (starts its own throwaway PostgreSQL; seeds the data itself)
import pg from "pg";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createMigratedDatabase, startTestCluster } from "../../lib/testing/test-cluster";

const ORGANIZATIONS = 20_000;
const APPLICATIONS = 100_000;
const EVENTS = 1_000_000;
const RUNS = 30;

const cluster = await startTestCluster();
try {
  const url = await createMigratedDatabase(cluster.adminUrl, "ror_bench_statistics");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  await client.query(`
    -- Volume only: the chain, its head's guard and the activity trigger are off for the bulk load (this database is
    -- thrown away); the sequence is written as the chain would have written it.
    ALTER TABLE "Event" DISABLE TRIGGER "Event_chain";
    ALTER TABLE "Event" DISABLE TRIGGER "Event_application_activity";
    ALTER TABLE "EventChainHead" DISABLE TRIGGER "EventChainHead_guard";
    INSERT INTO "User" (id, email, name, "passwordHash", roles, "updatedAt")
      VALUES ('00000000-0000-4000-8000-000000000001', 'bench@exemple.fr', 'Banc d''essai', 'x', '{EDITOR}', now()),
             ('00000000-0000-4000-8000-000000000002', 'ans@exemple.fr', 'Instructeur', 'x', '{ANS_REVIEWER}', now());
    INSERT INTO "Organization" (id, "legalName", siret, address, "updatedAt")
      SELECT md5('org' || i)::uuid, 'Éditeur ' || i || ' SAS', lpad(i::text, 14, '0'), i || ' rue de la Paix, Paris', now()
      FROM generate_series(1, ${ORGANIZATIONS}) i;
    INSERT INTO "Service" (id, "organizationId", name, "softwareName", "softwareVersion", description, purposes, users,
                           "requestedProfileId", "profileJustification", apis, "updatedAt")
      SELECT md5('svc' || s)::uuid, md5('org' || (1 + s % ${ORGANIZATIONS}))::uuid, 'Service ' || s, 'Logiciel', '1.0', 'd',
             '{ORIENTATION}', 'u', (SELECT id FROM "AccessProfile" WHERE code = (s % 5)::text), 'j', '{FHIR}', now()
      FROM generate_series(1, ${APPLICATIONS}) s;
    -- Each dossier's path: first submission at t0 within the last three years; 30 % get a request for changes after
    -- 1 to 20 days and come back 1 to 30 days later; 75 % are decided 1 to 40 days after (80 % approved), the rest wait.
    CREATE TEMP TABLE path AS
      SELECT s, md5('app' || s)::uuid AS app, md5('svc' || s)::uuid AS svc, md5('org' || (1 + s % ${ORGANIZATIONS}))::uuid AS org,
             (s % 5)::text AS profile, now() - random() * interval '1095 days' AS t0,
             random() < 0.3 AS changes, random() * 19 + 1 AS d1, random() * 29 + 1 AS d2, random() * 39 + 1 AS d3,
             random() < 0.75 AS decided, random() < 0.8 AS approved
      FROM generate_series(1, ${APPLICATIONS}) s;
    DELETE FROM path WHERE t0 + (d1 + d2 + d3) * interval '1 day' > now() AND decided;
    INSERT INTO "Application" (id, "serviceId", "organizationId", kind, status, "requestedProfileId", "requestedProfileCode",
        "submissionCount", "submittedAt", "statusChangedAt", "organizationName", "organizationSiret", "serviceName", "searchText",
        "createdById", "updatedAt")
      SELECT app, svc, org, 'NEW', (CASE WHEN NOT decided THEN 'SUBMITTED' WHEN approved THEN 'APPROVED' ELSE 'REFUSED' END)::"ApplicationStatus",
             (SELECT id FROM "AccessProfile" WHERE code = profile), profile, 1, t0, t0, 'Éditeur', '00000000000000', 'Service', 'x',
             '00000000-0000-4000-8000-000000000001', now()
      FROM path;
    INSERT INTO "Enrolment" (id, "serviceId", "organizationId", "applicationId", status, "currentServiceId", "grant", "accessProfileId",
        "accessProfileCode", "level2AuthenticatedPerSecond", "level2PublicPerSecond", "certificateFingerprints", "approvedAt", "approvedById", "updatedAt")
      SELECT md5('enr' || s)::uuid, svc, org, app, 'ACTIVE', svc,
             jsonb_build_object('certificates', jsonb_build_array(jsonb_build_object('fingerprintSha256', md5('cert' || s),
               'notAfter', to_char((t0 + (d1 + d2 + d3) * interval '1 day' + interval '3 years') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))),
             (SELECT id FROM "AccessProfile" WHERE code = profile), profile, 10, 5, ARRAY[md5('cert' || s)], t0, '00000000-0000-4000-8000-000000000002', now()
      FROM path WHERE decided AND approved;
    CREATE TEMP TABLE bench_events (at timestamptz, name text, subject text, payload jsonb);
    INSERT INTO bench_events SELECT t0, 'application.submitted', app::text, jsonb_build_object('number', 1) FROM path;
    INSERT INTO bench_events SELECT t0 + d1 * interval '1 day', 'application.changes_requested', app::text, '{}' FROM path WHERE changes;
    INSERT INTO bench_events SELECT t0 + (d1 + d2) * interval '1 day', 'application.submitted', app::text, jsonb_build_object('number', 2) FROM path WHERE changes;
    INSERT INTO bench_events SELECT t0 + (d1 + d2 + d3) * interval '1 day', CASE WHEN approved THEN 'application.approved' ELSE 'application.refused' END, app::text,
        CASE WHEN approved THEN jsonb_build_object('enrolmentId', md5('enr' || s)::uuid, 'profile', profile, 'supersededEnrolmentId', null) ELSE '{}' END
      FROM path WHERE decided;
    INSERT INTO bench_events SELECT now() - random() * interval '1095 days', (ARRAY['user.signed_in','service.updated','application.message_posted','certificate.uploaded'])[1 + i % 4],
        md5('app' || (1 + i % ${APPLICATIONS}))::uuid::text, '{}'
      FROM generate_series(1, ${EVENTS} - (SELECT count(*) FROM bench_events)) i;
    INSERT INTO "Event" (id, sequence, name, "actorType", "occurredAt", "subjectType", "subjectId", payload)
      SELECT gen_random_uuid(), row_number() OVER (ORDER BY at), name, 'SYSTEM', at, 'Application', subject, payload FROM bench_events;
    UPDATE "EventChainHead" SET sequence = (SELECT max(sequence) FROM "Event") WHERE id = 1;
  `);
  await client.query("VACUUM ANALYZE");
  const counts = await client.query(`SELECT (SELECT count(*) FROM "Application") AS applications, (SELECT count(*) FROM "Event") AS events,
      (SELECT count(*) FROM "Enrolment") AS enrolments, (SELECT count(*) FROM "Event" WHERE name LIKE 'application.%' AND name <> 'application.message_posted') AS "dossierEvents"`);
  console.log(`Données : ${JSON.stringify(counts.rows[0])} (insérées en ${((Date.now() - started) / 1000).toFixed(0)} s)`);

  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "banc-d-essai-".repeat(4);
  const { refreshStatistics } = await import("../../lib/statistics/refresh.server");
  const { statisticsReport } = await import("../../lib/statistics/statistics.server");
  const { defaultPeriod } = await import("../../lib/statistics/period");
  const { StatisticsReportView } = await import("../../components/statistics/StatisticsReportView");
  const { db } = await import("../../lib/db.server");
  const reviewer = { userId: "00000000-0000-4000-8000-000000000002", roles: ["ANS_REVIEWER" as const], memberships: [] };

  let t = performance.now();
  const folded = await refreshStatistics();
  console.log(`Premier calcul (tâche statistics.refresh) : ${folded.events} événements en ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const render = async (period = defaultPeriod(new Date())) => {
    const start = performance.now();
    const report = await statisticsReport(reviewer, period);
    const read = performance.now() - start;
    const html = renderToStaticMarkup(createElement(StatisticsReportView, { report }));
    return { read, total: performance.now() - start, bytes: html.length, decisions: report.durations.count };
  };
  await render(); // warm-up
  const { periodOf } = await import("../../lib/statistics/period");
  const { addMonths } = await import("../../lib/statistics/calendar");
  const twelve = defaultPeriod(new Date());
  for (const [label, period] of [
    ["Douze derniers mois", twelve],
    ["Trois ans (36 mois)", periodOf(addMonths(twelve.to, -35), twelve.to)],
  ] as const) {
    const totals: number[] = [];
    const reads: number[] = [];
    let last = await render(period);
    for (let i = 0; i < RUNS; i++) {
      last = await render(period);
      totals.push(last.total);
      reads.push(last.read);
    }
    totals.sort((a, b) => a - b);
    reads.sort((a, b) => a - b);
    const median = (values: number[]) => values[Math.floor(values.length / 2)]!;
    console.log(
      `${label} : rendu serveur médian ${median(totals).toFixed(1)} ms (lectures ${median(reads).toFixed(1)} ms), max ${totals.at(-1)!.toFixed(1)} ms ; ${last.decisions} décisions, ${(last.bytes / 1024).toFixed(0)} Kio de HTML`,
    );
  }

  // 1,000 new events committed since the last fold: the page folds them in before reading.
  await client.query(`
    INSERT INTO "Event" (id, sequence, name, "actorType", "occurredAt", "subjectType", "subjectId", payload)
      SELECT gen_random_uuid(), (SELECT max(sequence) FROM "Event") + i, 'application.submitted', 'SYSTEM', now(), 'Application', gen_random_uuid()::text, '{"number":1}'
      FROM generate_series(1, 1000) i;
    UPDATE "EventChainHead" SET sequence = (SELECT max(sequence) FROM "Event") WHERE id = 1;`);
  t = performance.now();
  const withFold = await render();
  console.log(`Avec 1 000 nouveaux événements à intégrer à la lecture : ${(performance.now() - t).toFixed(1)} ms (lectures ${withFold.read.toFixed(1)} ms)`);

  const explain = async (label: string, sql: string) => {
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF, SUMMARY ON) ${sql}`);
    console.log(`\n--- ${label}\n${plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")}`);
  };
  await explain("Décisions de la période", `SELECT "decidedAt", "ansSeconds", "editorSeconds" FROM "StatisticsDossier" WHERE "decidedAt" >= now() - interval '1 year' AND "outcome" IN ('APPROVED', 'REFUSED') AND "firstSubmittedAt" IS NOT NULL`);
  await explain("Habilitations en vigueur", `SELECT "profileCode", count(*) FROM "StatisticsEnrolment" WHERE "endedAt" IS NULL GROUP BY 1`);
  await client.end();
  await db().$disconnect();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cluster.stop();
}
