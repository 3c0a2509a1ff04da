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

/**
 * The export's one statement, aggregated into one row: the revisions of the rows copied as they are (every
 * certificate valid now, none revoked), in export order, as one string; the few other rows with what decides
 * them at `now`; the enrolments without a fresh row (computed again); and the next instant the answer changes
 * with time alone.
 */
type ExportListing = {
  asIs: string | null;
  checked: { revision: string; fingerprints: string[] | null; validFrom: string | null; validUntil: string | null }[] | null;
  stale: string | null;
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
 * lists the rows in force (see ExportListing); their content (JSON, sort key) is read only for revisions this
 * instance does not hold, so the first export after a change reads one string of 10,000 numbers and the text of
 * the few rows that changed.
 */
export async function assembledWhitelistExport(environment: WhitelistEnvironment | undefined, now: Date, level1: Level1Quotas): Promise<{ prepared: PreparedWhitelist; nextChange: Date | null }> {
  // A row of the other environment drops its enrolment from this export; no fresh row at all makes it stale.
  const environmentFilter = environment ? `AND (g."enrolmentId" IS NULL OR g."environment" = '${environment === "TEST" ? "TEST" : "PRODUCTION"}')` : "";
  const revoked = await readRevokedFingerprints();
  const asIs = `((g."validFrom" IS NULL OR (g."validFrom" <= $1 AND $1 < g."validUntil")) AND NOT (coalesce(g."fingerprints", '{}') && $2::text[]))`;
  const [listing] = await db().$queryRawUnsafe<ExportListing[]>(
    `SELECT string_agg(g."revision"::text, ',' ORDER BY g."sortKey" COLLATE "C") FILTER (WHERE g."enrolmentId" IS NOT NULL AND ${asIs}) AS "asIs",
            json_agg(json_build_object('revision', g."revision"::text, 'fingerprints', g."fingerprints", 'validFrom', g."validFrom", 'validUntil', g."validUntil"))
              FILTER (WHERE g."enrolmentId" IS NOT NULL AND NOT ${asIs}) AS "checked",
            string_agg(e."id"::text, ',') FILTER (WHERE g."enrolmentId" IS NULL) AS "stale",
            min((SELECT min(b) FROM unnest(g."bounds") b WHERE b > $1)) AS "next"
       FROM "Enrolment" e JOIN "Organization" o ON o."id" = e."organizationId"
       LEFT JOIN "GatewayEntry" g ON g."enrolmentId" = e."id" AND g."sourceUpdatedAt" = e."updatedAt"
      WHERE ${enforceable} ${environmentFilter}`,
    now,
    [...revoked],
  );
  const asIsRevisions = listing?.asIs ? listing.asIs.split(",") : [];
  const checked = listing?.checked ?? [];
  const staleIds = listing?.stale ? listing.stale.split(",") : [];
  const read = await contentOfRevisions(memo.missing([...asIsRevisions, ...checked.map((c) => c.revision)]));
  const contentOf = (revision: string) => memo.get(revision) ?? read.get(revision);
  const stored: (EntryContent & { revision: string })[] = [];
  const rows = [];
  for (const revision of asIsRevisions) {
    const content = contentOf(revision);
    // Replaced between the listing and the content (a change committed in between): the export is read again.
    if (content === undefined) return assembledWhitelistExport(environment, now, level1);
    stored.push({ revision, ...content });
    rows.push({ ...content, asIs: true, fingerprints: [], bounds: [], validFrom: null, validUntil: null });
  }
  for (const row of checked) {
    const content = contentOf(row.revision);
    if (content === undefined) return assembledWhitelistExport(environment, now, level1);
    stored.push({ revision: row.revision, ...content });
    rows.push({
      ...content,
      asIs: false,
      fingerprints: row.fingerprints ?? [],
      bounds: [],
      validFrom: row.validFrom === null ? null : new Date(row.validFrom),
      validUntil: row.validUntil === null ? null : new Date(row.validUntil),
    });
  }
  memo.remember(environment ?? "ALL", stored);
  const computed = staleIds.length > 0 ? (await rowsOfEnrolments(db(), { id: { in: staleIds } }, revoked)).filter((r) => !environment || r.environment === environment) : [];
  const assembled = assembleWhitelist([...rows, ...computed], level1, now, revoked);
  const next = listing?.next ? new Date(listing.next) : null;
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
