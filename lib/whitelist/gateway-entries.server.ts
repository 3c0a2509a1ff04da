import "server-only";
// The precomputed whitelist entries (table GatewayEntry, ADR 0050): refreshed in the transaction of every use case
// that changes what an enrolment's entry shows, and assembled into the export. A row whose enrolment changed
// without a refresh (sourceUpdatedAt behind the enrolment) is never served: the export computes it again on the
// fly, so a forgotten refresh costs time, never a wrong whitelist.
import { db, type Tx } from "../db.server";
import type { Prisma } from "../generated/prisma/client";
import { entriesOfEnrolment } from "./from-enrolment";
import { assembleWhitelist, gatewayEntryRows, type GatewayEntryRow } from "./gateway-entry";
import type { WhitelistEnvironment } from "./entry";
import type { Level1Quotas, PreparedWhitelist } from "./export";
import { grantOf, readRevokedFingerprints } from "./entries.server";
import { EntryJsonMemo } from "./entry-json-memo";

type Client = Tx | ReturnType<typeof db>;

const enforceable = `e."status" = 'ACTIVE' AND o."status" <> 'SUSPENDED'`;

async function rowsOfEnrolments(client: Client, where: Prisma.EnrolmentWhereInput, revoked: ReadonlySet<string>): Promise<(GatewayEntryRow & { sourceUpdatedAt: Date })[]> {
  const enrolments = await client.enrolment.findMany({
    where: { AND: [where, { status: "ACTIVE", organization: { status: { not: "SUSPENDED" } } }] },
    select: { id: true, status: true, approvedAt: true, level2AuthenticatedPerSecond: true, level2PublicPerSecond: true, grant: true, updatedAt: true },
  });
  return enrolments.flatMap((enrolment) => {
    const grant = grantOf(enrolment.grant);
    if (!grant) return [];
    return gatewayEntryRows(entriesOfEnrolment({ ...enrolment, grant }), revoked).map((row) => ({ ...row, sourceUpdatedAt: enrolment.updatedAt }));
  });
}

/**
 * Rewrites the gateway entries of these enrolments from what is stored now (call it after the change, inside the
 * same transaction). Enrolments no longer enforceable lose their rows.
 */
export async function refreshGatewayEntries(tx: Tx, enrolmentIds: readonly string[]): Promise<void> {
  if (enrolmentIds.length === 0) return;
  const ids = [...new Set(enrolmentIds)];
  const rows = await rowsOfEnrolments(tx, { id: { in: ids } }, await readRevokedFingerprints(tx));
  await tx.gatewayEntry.deleteMany({ where: { enrolmentId: { in: ids } } });
  if (rows.length > 0) await tx.gatewayEntry.createMany({ data: rows.map(({ enrolmentId, environment, sortKey, json, requiresCertificate, fingerprints, validFrom, validUntil, bounds, sourceUpdatedAt }) => ({ enrolmentId, environment, sortKey, json, requiresCertificate, fingerprints, validFrom, validUntil, bounds, sourceUpdatedAt })) });
}

/** After an organisation's suspension or reinstatement: every enrolment of it. */
export async function refreshGatewayEntriesOfOrganization(tx: Tx, organizationId: string): Promise<void> {
  const enrolments = await tx.enrolment.findMany({ where: { organizationId }, select: { id: true } });
  await refreshGatewayEntries(tx, enrolments.map((e) => e.id));
}

/** After a revocation list marked these certificates revoked: every enrolment whose grant names one. */
export async function refreshGatewayEntriesOfCertificates(tx: Tx, fingerprintsSha256: readonly string[]): Promise<void> {
  if (fingerprintsSha256.length === 0) return;
  const enrolments = await tx.enrolment.findMany({ where: { certificateFingerprints: { hasSome: [...fingerprintsSha256] } }, select: { id: true } });
  await refreshGatewayEntries(tx, enrolments.map((e) => e.id));
}

/** Fills the table for every enforceable enrolment (deployments upgraded from before it, the benchmark). */
export async function rebuildGatewayEntries(): Promise<number> {
  const ids = (await db().enrolment.findMany({ where: { status: "ACTIVE" }, select: { id: true } })).map((e) => e.id);
  for (let i = 0; i < ids.length; i += 1000) await db().$transaction((tx) => refreshGatewayEntries(tx, ids.slice(i, i + 1000)));
  return ids.length;
}

type StoredRow = { revision: string; sortKey: string; json: string | null; requiresCertificate: boolean; asIs: boolean; fingerprints: string[] | null; validFrom: Date | null; validUntil: Date | null };

// This instance's copy of the rows' JSON (ADR 0050): after a change, only the rows written since cross the wire.
const memo = new EntryJsonMemo();

/** For tests and benchmarks: forget the rows' JSON this process holds (the next export reads every row again). */
export function clearGatewayEntryMemo(): void {
  memo.clear();
}

/**
 * The export of one environment (or both) at `now`, from the stored rows plus any computed again. The database
 * tells which rows can be copied as they are (every certificate valid now, none revoked) and the next instant the
 * answer changes with time alone; the rows' JSON is read only for revisions this instance does not hold, so the
 * first export after a change reads flags for 10,000 rows and text for the few that changed.
 */
export async function assembledWhitelistExport(environment: WhitelistEnvironment | undefined, now: Date, level1: Level1Quotas): Promise<{ prepared: PreparedWhitelist; nextChange: Date | null }> {
  const environmentFilter = environment ? `AND g."environment" = '${environment === "TEST" ? "TEST" : "PRODUCTION"}'` : "";
  const from = `FROM "GatewayEntry" g JOIN "Enrolment" e ON e."id" = g."enrolmentId" JOIN "Organization" o ON o."id" = e."organizationId"
        WHERE ${enforceable} AND g."sourceUpdatedAt" = e."updatedAt" ${environmentFilter}`;
  const revoked = await readRevokedFingerprints();
  const revokedList = [...revoked];
  const asIs = `((g."validFrom" IS NULL OR (g."validFrom" <= $1 AND $1 < g."validUntil")) AND NOT (coalesce(g."fingerprints", '{}') && $2::text[]))`;
  // A process that holds nothing reads the JSON with the flags, in one round trip.
  const withJson = memo.size === 0;
  const [listed, stale, next] = await Promise.all([
    db().$queryRawUnsafe<StoredRow[]>(
      `SELECT g."revision"::text AS "revision", g."sortKey", ${withJson ? `g."json"` : `NULL::text`} AS "json", g."requiresCertificate", ${asIs} AS "asIs",
              CASE WHEN ${asIs} THEN NULL ELSE g."fingerprints" END AS "fingerprints",
              CASE WHEN ${asIs} THEN NULL ELSE g."validFrom" END AS "validFrom",
              CASE WHEN ${asIs} THEN NULL ELSE g."validUntil" END AS "validUntil"
         ${from}`,
      now,
      revokedList,
    ),
    db().$queryRawUnsafe<{ id: string }[]>(
      `SELECT e."id"::text AS "id" FROM "Enrolment" e JOIN "Organization" o ON o."id" = e."organizationId"
        WHERE ${enforceable} AND NOT EXISTS (SELECT 1 FROM "GatewayEntry" g WHERE g."enrolmentId" = e."id" AND g."sourceUpdatedAt" = e."updatedAt")`,
    ),
    db().$queryRawUnsafe<{ next: Date | null }[]>(`SELECT min(b) AS "next" ${from.replace('JOIN "Organization"', 'CROSS JOIN LATERAL unnest(g."bounds") b JOIN "Organization"')} AND b > $1`, now),
  ]);
  const read = withJson ? new Map<string, string>() : await jsonOfRevisions(memo.missing(listed.map((r) => r.revision)));
  const stored: (StoredRow & { json: string })[] = [];
  for (const row of listed) {
    const json = row.json ?? memo.get(row.revision) ?? read.get(row.revision);
    // Replaced between the flags and the JSON (a change committed in between): read again, JSON and all.
    if (json === undefined) return assembledWhitelistExportReadingAll(environment, now, level1);
    stored.push({ ...row, json });
  }
  memo.remember(environment ?? "ALL", stored);
  const computed = stale.length > 0 ? (await rowsOfEnrolments(db(), { id: { in: stale.map((s) => s.id) } }, revoked)).filter((r) => !environment || r.environment === environment) : [];
  const rows = [
    ...stored.map((r) => ({
      ...r,
      fingerprints: r.fingerprints ?? [],
      bounds: [],
      validFrom: r.validFrom && new Date(r.validFrom),
      validUntil: r.validUntil && new Date(r.validUntil),
    })),
    ...computed,
  ];
  const assembled = assembleWhitelist(rows, level1, now, revoked);
  const nexts = [next[0]?.next ? new Date(next[0].next) : null, assembled.nextChange].filter((d): d is Date => d !== null);
  return { prepared: assembled.prepared, nextChange: nexts.length ? new Date(Math.min(...nexts.map((d) => d.getTime()))) : null };
}

/** The JSON of these row revisions. */
async function jsonOfRevisions(revisions: readonly string[]): Promise<Map<string, string>> {
  if (revisions.length === 0) return new Map();
  const rows = await db().$queryRawUnsafe<{ revision: string; json: string }[]>(`SELECT "revision"::text AS "revision", "json" FROM "GatewayEntry" WHERE "revision" = ANY($1::bigint[])`, revisions);
  return new Map(rows.map((r) => [r.revision, r.json]));
}

/** The rare race (a row replaced between the flags and its JSON): once more, reading every row's JSON. */
async function assembledWhitelistExportReadingAll(environment: WhitelistEnvironment | undefined, now: Date, level1: Level1Quotas) {
  memo.clear();
  return assembledWhitelistExport(environment, now, level1);
}
