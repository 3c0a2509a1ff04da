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
import { EntryJsonMemo, type EntryContent } from "./entry-json-memo";

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

/** A row of the export's one statement: an entry (its content when asked), or an enrolment without fresh rows. */
type ListedRow = {
  staleEnrolmentId: string | null;
  revision: string | null;
  json: string | null;
  sortKey: string | null;
  requiresCertificate: boolean | null;
  asIs: boolean | null;
  fingerprints: string[] | null;
  validFrom: Date | null;
  validUntil: Date | null;
  next: Date | null;
};

// This instance's copy of the rows' content (ADR 0050): after a change, only the rows written since cross the wire.
const memo = new EntryJsonMemo();

/** For tests and benchmarks: forget the rows' content this process holds (the next export reads every row again). */
export function clearGatewayEntryMemo(): void {
  memo.clear();
}

/**
 * The export of one environment (or both) at `now`, from the stored rows plus any computed again. One statement
 * tells which rows can be copied as they are (every certificate valid now, none revoked), which enrolments have no
 * fresh row (computed again), and the next instant the answer changes with time alone; the rows' content (JSON,
 * sort key) is read only for revisions this instance does not hold, so the first export after a change reads a
 * number and a flag for each of 10,000 rows and text for the few that changed.
 */
export async function assembledWhitelistExport(environment: WhitelistEnvironment | undefined, now: Date, level1: Level1Quotas): Promise<{ prepared: PreparedWhitelist; nextChange: Date | null }> {
  // A row of the other environment drops its enrolment from this export; no fresh row at all makes it stale.
  const environmentFilter = environment ? `AND (g."enrolmentId" IS NULL OR g."environment" = '${environment === "TEST" ? "TEST" : "PRODUCTION"}')` : "";
  const revoked = await readRevokedFingerprints();
  const asIs = `((g."validFrom" IS NULL OR (g."validFrom" <= $1 AND $1 < g."validUntil")) AND NOT (coalesce(g."fingerprints", '{}') && $2::text[]))`;
  // A process that holds nothing reads the content with the flags.
  const withContent = memo.size === 0;
  const listed = await db().$queryRawUnsafe<ListedRow[]>(
    `WITH r AS (
       SELECT CASE WHEN g."enrolmentId" IS NULL THEN e."id"::text END AS "staleEnrolmentId", g."revision"::text AS "revision",
              ${withContent ? `g."json", g."sortKey", g."requiresCertificate"` : `NULL::text AS "json", NULL::text AS "sortKey", NULL::boolean AS "requiresCertificate"`},
              ${asIs} AS "asIs",
              CASE WHEN ${asIs} THEN NULL ELSE g."fingerprints" END AS "fingerprints",
              CASE WHEN ${asIs} THEN NULL ELSE g."validFrom" END AS "validFrom",
              CASE WHEN ${asIs} THEN NULL ELSE g."validUntil" END AS "validUntil",
              (SELECT min(b) FROM unnest(g."bounds") b WHERE b > $1) AS "bound"
         FROM "Enrolment" e JOIN "Organization" o ON o."id" = e."organizationId"
         LEFT JOIN "GatewayEntry" g ON g."enrolmentId" = e."id" AND g."sourceUpdatedAt" = e."updatedAt"
        WHERE ${enforceable} ${environmentFilter})
     SELECT "staleEnrolmentId", "revision", "json", "sortKey", "requiresCertificate", "asIs", "fingerprints", "validFrom", "validUntil",
            (SELECT min("bound") FROM r) AS "next"
       FROM r`,
    now,
    [...revoked],
  );
  const staleIds = listed.flatMap((r) => (r.staleEnrolmentId ? [r.staleEnrolmentId] : []));
  const entries = listed.filter((r) => r.revision !== null);
  const read = withContent ? new Map<string, EntryContent>() : await contentOfRevisions(memo.missing(entries.map((r) => r.revision!)));
  const stored: (EntryContent & { revision: string })[] = [];
  const rows = [];
  for (const row of entries) {
    const revision = row.revision!;
    const content = row.json !== null ? { json: row.json, sortKey: row.sortKey!, requiresCertificate: row.requiresCertificate! } : (memo.get(revision) ?? read.get(revision));
    // Replaced between the flags and the content (a change committed in between): read again, content and all.
    if (content === undefined) return assembledWhitelistExportReadingAll(environment, now, level1);
    stored.push({ revision, ...content });
    rows.push({
      ...content,
      asIs: row.asIs!,
      fingerprints: row.fingerprints ?? [],
      bounds: [],
      validFrom: row.validFrom && new Date(row.validFrom),
      validUntil: row.validUntil && new Date(row.validUntil),
    });
  }
  memo.remember(environment ?? "ALL", stored);
  const computed = staleIds.length > 0 ? (await rowsOfEnrolments(db(), { id: { in: staleIds } }, revoked)).filter((r) => !environment || r.environment === environment) : [];
  const assembled = assembleWhitelist([...rows, ...computed], level1, now, revoked);
  const next = listed[0]?.next ? new Date(listed[0].next) : null;
  const nexts = [next, assembled.nextChange].filter((d): d is Date => d !== null);
  return { prepared: assembled.prepared, nextChange: nexts.length ? new Date(Math.min(...nexts.map((d) => d.getTime()))) : null };
}

/** The content of these row revisions. */
async function contentOfRevisions(revisions: readonly string[]): Promise<Map<string, EntryContent>> {
  if (revisions.length === 0) return new Map();
  const rows = await db().$queryRawUnsafe<(EntryContent & { revision: string })[]>(
    `SELECT "revision"::text AS "revision", "json", "sortKey", "requiresCertificate" FROM "GatewayEntry" WHERE "revision" = ANY($1::bigint[])`,
    revisions,
  );
  return new Map(rows.map(({ revision, ...content }) => [revision, content]));
}

/** The rare race (a row replaced between the flags and its JSON): once more, reading every row's JSON. */
async function assembledWhitelistExportReadingAll(environment: WhitelistEnvironment | undefined, now: Date, level1: Level1Quotas) {
  memo.clear();
  return assembledWhitelistExport(environment, now, level1);
}
