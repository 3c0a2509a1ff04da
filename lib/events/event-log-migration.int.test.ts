import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../runtime/database-tools";

// The event-log migration on a database holding the three old tables: every old row maps to exactly one event, and
// every event's content comes from its own old rows. The old rows are seeded through the previous migrations, one
// transaction per act, as the use cases of that time wrote them.

const EVENT_LOG_MIGRATION = "20261201220000_event_log";
const migrationsDir = path.join(projectRoot, "prisma", "migrations");
const run = promisify(execFile);

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const name = `ror_migration_${randomBytes(5).toString("hex")}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
let client: pg.Client;

/** Runs a migration the way the migration runner does: statement by statement, split at each semicolon. */
async function applyMigration(folder: string): Promise<void> {
  const script = readFileSync(path.join(migrationsDir, folder, "migration.sql"), "utf8");
  for (const statement of script.split(";").map((s) => s.trim()).filter(Boolean)) await client.query(statement);
}

async function act(statements: (string | [string, unknown[]])[]): Promise<void> {
  await client.query("BEGIN");
  for (const s of statements) await (typeof s === "string" ? client.query(s) : client.query(s[0], s[1]));
  await client.query("COMMIT");
}

const ids = {
  reviewer: randomUUID(),
  editor: randomUUID(),
  organization: randomUUID(),
  profile: randomUUID(),
  service: randomUUID(),
  application: randomUUID(),
  enrolment: randomUUID(),
  submission1: randomUUID(),
  submission2: randomUUID(),
  message: randomUUID(),
  invitation: randomUUID(),
};

const audit = (id: string, type: string, subjectType: string | null, subjectId: string | null, actorId: string | null, data: object, ip = "203.0.113.5"): [string, unknown[]] => [
  `INSERT INTO "AuditEvent" ("id", "type", "actorId", "organizationId", "subjectType", "subjectId", "ip", "userAgent", "data") VALUES ($1, $2, $3, $4, $5, $6, $7, 'Firefox', $8)`,
  [id, type, actorId, ids.organization, subjectType, subjectId, ip, JSON.stringify(data)],
];
const timeline = (id: string, type: string, actorId: string, data: object, entity: [string, string] | null = null, message: string | null = null): [string, unknown[]] => [
  `INSERT INTO "ApplicationEvent" ("id", "applicationId", "type", "actorId", "occurredAt", "message", "entityType", "entityId", "data")
   VALUES ($1, $2, $3, $4, now() - interval '3 milliseconds', $5, $6, $7, $8)`,
  [id, ids.application, type, actorId, message, entity?.[0] ?? null, entity?.[1] ?? null, JSON.stringify(data)],
];
const history = (id: string, type: string, actorId: string, data: object, reason: string | null = null): [string, unknown[]] => [
  `INSERT INTO "EnrolmentEvent" ("id", "enrolmentId", "type", "actorId", "occurredAt", "reason", "data") VALUES ($1, $2, $3, $4, now() - interval '2 milliseconds', $5, $6)`,
  [id, ids.enrolment, type, actorId, reason, JSON.stringify(data)],
];

// One id per old row, named after the act it belongs to.
const row = Object.fromEntries(
  ["aCreated", "tCreated", "aSub1", "tSub1", "aChanges", "tChanges", "tMessage", "aSub2", "tSub2", "aApproved", "tApproved", "nApproved", "aSuspended", "tSuspended", "nSuspended", "aQuotas", "nQuotas", "aFailed", "aInvited", "aExported"].map((k) => [k, randomUUID()]),
) as Record<string, string>;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const previous = readdirSync(migrationsDir).filter((f) => /^\d{14}_/.test(f) && f < EVENT_LOG_MIGRATION).sort();
  for (const folder of previous) await applyMigration(folder);

  const { reviewer, editor, organization, profile, service, application, enrolment } = ids;
  await act([
    [`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, 'ines@ans.example', 'Inès Instructrice', 'x', now()), ($2, 'eloi@editeur.example', 'Éloi Éditeur', 'x', now())`, [reviewer, editor]],
    [`INSERT INTO "Organization" ("id", "legalName", "siret", "address", "updatedAt") VALUES ($1, 'Éditeur Migration SAS', '73282932000074', 'Paris', now())`, [organization]],
    [`INSERT INTO "AccessProfile" ("id", "code", "label", "description", "level2AuthenticatedPerSecond", "level2PublicPerSecond", "updatedAt") VALUES ($1, '9', 'Profil 9', 'd', 10, 5, now())`, [profile]],
    [`INSERT INTO "Service" ("id", "organizationId", "name", "softwareName", "softwareVersion", "description", "users", "requestedProfileId", "profileJustification", "updatedAt")
      VALUES ($1, $2, 'Orientation', 'Logiciel', '1', 'd', 'u', $3, 'j', now())`, [service, organization, profile]],
    [`INSERT INTO "Application" ("id", "serviceId", "organizationId", "kind", "requestedProfileId", "organizationName", "organizationSiret", "serviceName", "requestedProfileCode", "searchText", "createdById", "updatedAt")
      VALUES ($1, $2, $3, 'NEW', $4, 'Éditeur Migration SAS', '73282932000074', 'Orientation', '9', 's', $5, now())`, [application, service, organization, profile, editor]],
  ]);
  await act([audit(row.aCreated!, "application.created", "Application", application, editor, { serviceId: service, kind: "NEW" }), timeline(row.tCreated!, "created", editor, {})]);
  await act([
    audit(row.aSub1!, "application.submitted", "Application", application, editor, { number: 1, kind: "NEW", requestedProfile: "9", changeCount: null }),
    timeline(row.tSub1!, "submitted", editor, { number: 1, changeCount: null }, ["ApplicationSubmission", ids.submission1]),
  ]);
  await act([
    audit(row.aChanges!, "application.changes_requested", "Application", application, reviewer, { messageId: ids.message, submission: 1 }),
    timeline(row.tChanges!, "changes_requested", reviewer, {}, ["ApplicationMessage", ids.message], "Précisez vos URL ; merci."),
  ]);
  // A timeline row that lost its audit row: an event of its own.
  await act([timeline(row.tMessage!, "message_posted", editor, { side: "editor" }, ["ApplicationMessage", randomUUID()])]);
  await act([
    audit(row.aSub2!, "application.submitted", "Application", application, editor, { number: 2, kind: "NEW", requestedProfile: "9", changeCount: 1 }),
    timeline(row.tSub2!, "submitted", editor, { number: 2, changeCount: 1 }, ["ApplicationSubmission", ids.submission2]),
  ]);
  await act([
    [`INSERT INTO "Enrolment" ("id", "serviceId", "organizationId", "applicationId", "grant", "accessProfileId", "accessProfileCode", "level2AuthenticatedPerSecond", "level2PublicPerSecond", "approvedAt", "approvedById", "updatedAt")
      VALUES ($1, $2, $3, $4, '{}', $5, '9', 10, 5, now(), $6, now())`, [enrolment, service, organization, application, profile, reviewer]],
    audit(row.aApproved!, "application.approved", "Application", application, reviewer, { enrolmentId: enrolment, profile: "9", quotas: { level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5 }, supersededEnrolmentId: null }),
    timeline(row.tApproved!, "approved", reviewer, { profile: "9", profileLabel: "Profil 9", quotas: { level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5 } }, ["Enrolment", enrolment]),
    history(row.nApproved!, "approved", reviewer, { applicationId: application, profile: "9" }),
  ]);
  await act([
    audit(row.aSuspended!, "enrolment.suspended", "Enrolment", enrolment, reviewer, { from: "ACTIVE", to: "SUSPENDED", serviceId: service }),
    timeline(row.tSuspended!, "enrolment_suspended", reviewer, {}, ["Enrolment", enrolment], "Quotas dépassés."),
    history(row.nSuspended!, "suspended", reviewer, { from: "ACTIVE" }, "Quotas dépassés."),
  ]);
  await act([
    audit(row.aQuotas!, "enrolment.quotas_changed", "Enrolment", enrolment, reviewer, { from: { authenticatedPerSecond: 10, publicPerSecond: 5 }, to: { authenticatedPerSecond: 20, publicPerSecond: 8 }, serviceId: service }),
    history(row.nQuotas!, "quotas_changed", reviewer, { from: { authenticatedPerSecond: 10, publicPerSecond: 5 }, to: { authenticatedPerSecond: 20, publicPerSecond: 8 } }, "Pic hivernal"),
  ]);
  await act([audit(row.aFailed!, "user.sign_in_failed", null, null, null, { email: "inconnu@example.org" }, "198.51.100.9")]);
  await act([audit(row.aInvited!, "invitation.sent", "Invitation", ids.invitation, editor, { email: "nouvelle@editeur.example", asLegalRepresentative: false, expiresAt: "2026-12-08T10:00:00.000Z", revokedInvitations: [] })]);
  await act([audit(row.aExported!, "audit_log.exported", null, null, reviewer, { type: null, from: null, to: null, organization: "", actorEmail: "eloi" })]);

  await applyMigration(EVENT_LOG_MIGRATION);
}, 120_000);

afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

type Event = { id: string; name: string; actorType: string; actorId: string | null; actorJob: string | null; subjectType: string | null; subjectId: string | null; organizationId: string | null; payload: Record<string, unknown> };

async function eventOf(sourceId: string): Promise<{ event: Event; sources: string[]; personal: { ip: string | null; userAgent: string | null; details: object } | null }> {
  const { rows } = await client.query(`SELECT "eventId" FROM "EventLegacySource" WHERE "sourceId" = $1`, [sourceId]);
  expect(rows).toHaveLength(1);
  const eventId = rows[0].eventId as string;
  const event = (await client.query(`SELECT * FROM "Event" WHERE "id" = $1`, [eventId])).rows[0] as Event;
  const sources = (await client.query(`SELECT "sourceId" FROM "EventLegacySource" WHERE "eventId" = $1`, [eventId])).rows.map((r) => r.sourceId as string).sort();
  const personal = (await client.query(`SELECT "ip", "userAgent", "details" FROM "EventPersonalData" WHERE "eventId" = $1`, [eventId])).rows[0] ?? null;
  return { event, sources, personal };
}

describe("the event-log migration", () => {
  it("maps every old row to exactly one event, and drops the three old tables", async () => {
    const sources = (await client.query(`SELECT "sourceTable", "sourceId" FROM "EventLegacySource"`)).rows;
    expect(sources.map((s) => s.sourceId).sort()).toEqual(Object.values(row).sort());
    const tableOf = (key: string) => ({ a: "AuditEvent", t: "ApplicationEvent", n: "EnrolmentEvent" })[key[0] as "a" | "t" | "n"];
    for (const [key, id] of Object.entries(row)) expect(sources.find((s) => s.sourceId === id)?.sourceTable).toBe(tableOf(key));
    const { rows } = await client.query(`SELECT to_regclass('"AuditEvent"') AS a, to_regclass('"ApplicationEvent"') AS t, to_regclass('"EnrolmentEvent"') AS n`);
    expect(rows[0]).toEqual({ a: null, t: null, n: null });
    // Acts of one to three rows: 11 events for 20 rows.
    expect(Number((await client.query(`SELECT count(*) FROM "Event"`)).rows[0].count)).toBe(11);
  });

  it("makes one event of an act's rows, its content taken from those rows", async () => {
    const created = await eventOf(row.tCreated!);
    expect(created.sources).toEqual([row.aCreated, row.tCreated].sort());
    expect(created.event).toMatchObject({ name: "application.created", actorType: "USER", actorId: ids.editor, subjectType: "Application", subjectId: ids.application, payload: { serviceId: ids.service, kind: "NEW" } });

    // Two submissions of one dossier: each audit row with its own timeline row.
    for (const [a, t, number, submissionId] of [[row.aSub1, row.tSub1, 1, ids.submission1], [row.aSub2, row.tSub2, 2, ids.submission2]] as const) {
      const submitted = await eventOf(a!);
      expect(submitted.sources).toEqual([a, t].sort());
      expect(submitted.event.payload).toMatchObject({ number, submissionId });
    }

    const changes = await eventOf(row.aChanges!);
    expect(changes.sources).toEqual([row.aChanges, row.tChanges].sort());
    expect(changes.event.payload).toEqual({ messageId: ids.message, submission: 1, message: "Précisez vos URL ; merci." });

    const approved = await eventOf(row.nApproved!);
    expect(approved.sources).toEqual([row.aApproved, row.tApproved, row.nApproved].sort());
    expect(approved.event).toMatchObject({ name: "application.approved", subjectType: "Application", subjectId: ids.application, actorId: ids.reviewer });
    expect(approved.event.payload).toMatchObject({ enrolmentId: ids.enrolment, profileLabel: "Profil 9", applicationId: ids.application, supersededEnrolmentId: null });

    const suspended = await eventOf(row.tSuspended!);
    expect(suspended.sources).toEqual([row.aSuspended, row.tSuspended, row.nSuspended].sort());
    expect(suspended.event).toMatchObject({ name: "enrolment.suspended", subjectType: "Enrolment", subjectId: ids.enrolment, payload: { from: "ACTIVE", to: "SUSPENDED", reason: "Quotas dépassés." } });

    const quotas = await eventOf(row.nQuotas!);
    expect(quotas.sources).toEqual([row.aQuotas, row.nQuotas].sort());
    expect(quotas.event.payload).toMatchObject({ to: { authenticatedPerSecond: 20, publicPerSecond: 8 }, serviceId: ids.service, reason: "Pic hivernal" });

    const orphan = await eventOf(row.tMessage!);
    expect(orphan.sources).toEqual([row.tMessage]);
    expect(orphan.event).toMatchObject({ name: "application.message_posted", organizationId: ids.organization, payload: { side: "editor" } });
    expect(orphan.personal).toBeNull();
  });

  it("moves personal data to the side table: IP, user agent, typed and stored e-mail addresses", async () => {
    const failed = await eventOf(row.aFailed!);
    expect(failed.event).toMatchObject({ name: "user.sign_in_failed", actorType: "ANONYMOUS", actorId: null, payload: {} });
    expect(failed.personal).toEqual({ ip: "198.51.100.9", userAgent: "Firefox", details: { email: "inconnu@example.org" } });

    const invited = await eventOf(row.aInvited!);
    expect(invited.event.payload).toEqual({ asLegalRepresentative: false, expiresAt: "2026-12-08T10:00:00.000Z", revokedInvitations: [] });
    expect(invited.personal?.details).toEqual({ email: "nouvelle@editeur.example" });

    const exported = await eventOf(row.aExported!);
    expect(exported.event.payload).toEqual({ type: null, from: null, to: null, organization: "" });
    expect(exported.personal?.details).toEqual({ actorEmail: "eloi" });
    const { rows } = await client.query(`SELECT count(*) FROM "Event" WHERE "payload"::text ~ '@|203\\.0\\.113|198\\.51\\.100'`);
    expect(Number(rows[0].count)).toBe(0);
  });

  it("chains the migrated events with the same function as later inserts, and `npm run audit:verify` passes", async () => {
    const { rows } = await client.query(`SELECT "sequence" FROM "Event" ORDER BY "sequence"`);
    expect(rows.map((r) => Number(r.sequence))).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    await client.query(`INSERT INTO "Event" ("id", "name", "actorType", "payload") VALUES ($1, 'api_token.revoked', 'SYSTEM', '{}')`, [randomUUID()]);
    const verified = await run("npx", ["tsx", "scripts/audit-verify.ts"], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: url } });
    expect(verified.stdout).toContain("Journal des événements intègre : 12 événement(s) vérifié(s)");
  });
});
