import "server-only";
// The whitelist from the database: enrolments mapped onto the pure entry type, the revision stamp, and the prepared
// export reused between requests until something it reads changes (ADR 0009).
import { parseGrant, type EnrolmentGrant } from "../enrolments/grant";
import { db } from "../db.server";
import type { Prisma } from "../generated/prisma/client";
import { normalizeFingerprint, selectEntriesInForce, type EntriesInForce, type WhitelistEntry, type WhitelistEnvironment } from "./entry";
import { PreparedWhitelistCache } from "./export-cache";
import type { Level1Quotas, PreparedWhitelist } from "./export";
import { apisInUse } from "../catalogue/ror-apis.server";
import { assembledWhitelistExport } from "./gateway-entries.server";
import { documentApisOf } from "./gateway-apis";
import { entriesOfEnrolment } from "./from-enrolment";
import { DEFAULT_LEVEL1_PER_API_PER_SECOND } from "./quotas";

/**
 * The revision of everything the export reads: a counter bumped by triggers in the transaction of every statement
 * on Enrolment, Level1QuotaSetting or GatewayApi, organisation status and certificate revocation (migrations
 * whitelist_revision_triggers, organization_verification, certificate_revocation, gateway_api_whitelist_revision).
 * One indexed row: well under 1 ms.
 */
export async function readWhitelistRevision(): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ revision: string }[]>(`SELECT "revision"::text AS "revision" FROM "WhitelistRevision" WHERE "id" = 1`);
  return rows[0]?.revision ?? "0";
}

export async function readLevel1Quota(): Promise<Level1Quotas & { version: number; updatedAt: Date | null }> {
  const row = await db().level1QuotaSetting.findUnique({ where: { id: 1 } });
  return row
    ? { perApiPerSecond: row.perApiPerSecond, version: row.version, updatedAt: row.updatedAt }
    : { perApiPerSecond: DEFAULT_LEVEL1_PER_API_PER_SECOND, version: 0, updatedAt: null };
}

const enrolmentColumns = {
  id: true,
  status: true,
  approvedAt: true,
  level2AuthenticatedPerSecond: true,
  level2PublicPerSecond: true,
  grant: true,
  organization: { select: { status: true } },
} as const;

type EnrolmentRow = Prisma.EnrolmentGetPayload<{ select: typeof enrolmentColumns }>;

/**
 * The grant of a stored enrolment. Grants are written only by freezeEnrolment, so a cheap check of the shape the
 * export reads is enough on the hot path (a full zod parse of 10,000 grants costs hundreds of milliseconds); anything
 * unexpected goes through the full parse, which refuses it.
 */
export function grantOf(value: unknown): EnrolmentGrant | null {
  const g = value as Partial<EnrolmentGrant> | null;
  const plausible =
    g !== null &&
    typeof g === "object" &&
    g.schemaVersion === 1 &&
    Array.isArray(g.urls) &&
    Array.isArray(g.certificates) &&
    typeof g.organization?.siret === "string" &&
    typeof g.service?.id === "string" &&
    typeof g.accessProfile?.code === "string" &&
    g.certificates.every((c) => typeof c?.fingerprintSha256 === "string" && typeof c.fingerprintSha1 === "string" && typeof c.notAfter === "string" && typeof c.notBefore === "string");
  return plausible ? (g as EnrolmentGrant) : parseGrant(value);
}

function toEntries(rows: readonly EnrolmentRow[]): WhitelistEntry[] {
  const entries: WhitelistEntry[] = [];
  for (const row of rows) {
    const grant = grantOf(row.grant);
    // A grant that cannot be read never reaches the gateway (the view reports it through the enrolment itself).
    if (!grant) continue;
    entries.push(...entriesOfEnrolment({ ...row, grant, organisationSuspended: row.organization.status === "SUSPENDED" }));
  }
  return entries;
}

/** Entries of the enrolments with these statuses (ACTIVE for the export), per environment when given. */
export async function loadWhitelistEntries(where: Prisma.EnrolmentWhereInput, environment?: WhitelistEnvironment): Promise<WhitelistEntry[]> {
  const rows = await db().enrolment.findMany({ where, select: enrolmentColumns, orderBy: { id: "asc" } });
  const entries = toEntries(rows);
  return environment ? entries.filter((e) => e.environment === environment) : entries;
}

/**
 * What the gateway enforces: active enrolments of organisations that are not suspended (issue 22: suspending an
 * organisation takes its enrolments out of the export at once, and reinstating it brings back those still active;
 * the Organization trigger bumps the revision).
 */
export const ENFORCED_ENROLMENTS = { status: "ACTIVE", organization: { status: { not: "SUSPENDED" } } } as const satisfies Prisma.EnrolmentWhereInput;

/**
 * SHA-256 fingerprints (lowercase hex) of registered certificates found on their CA's revocation list. A
 * certificate's fingerprint is its identity, so a revoked one stays revoked in every grant that names it.
 */
export async function readRevokedFingerprints(client: Pick<Prisma.TransactionClient, "certificate"> = db()): Promise<Set<string>> {
  const rows = await client.certificate.findMany({ where: { revokedAt: { not: null } }, select: { fingerprintSha256: true } });
  return new Set(rows.map((r) => normalizeFingerprint(r.fingerprintSha256)));
}

/** Active enrolments' entries at `now`: in force, and those left out for want of a valid certificate. */
export async function entriesInForce(now: Date, environment?: WhitelistEnvironment): Promise<EntriesInForce & { all: WhitelistEntry[] }> {
  const [all, revoked] = await Promise.all([loadWhitelistEntries(ENFORCED_ENROLMENTS, environment), readRevokedFingerprints()]);
  return { ...selectEntriesInForce(all, now, revoked), all };
}

// One cache per app instance. Each instance reads the shared revision, so instances never serve a stale export.
const cache = new PreparedWhitelistCache();

export type PreparedExport = { prepared: PreparedWhitelist; revision: string; fromCache: boolean };

/**
 * The prepared export for a filter: from the cache when the revision has not moved and no certificate has crossed
 * notBefore or notAfter since, else rebuilt. The revision (`knownRevision` when the caller already read it in
 * its own round trip) is read before the data, so a change committed in
 * between only makes the next request rebuild again (never a stale export kept under a new revision).
 */
export async function preparedWhitelistExport(environment: WhitelistEnvironment | undefined, now: Date, knownRevision?: string): Promise<PreparedExport> {
  const key = environment ?? "ALL";
  const revision = knownRevision ?? (await readWhitelistRevision());
  const cached = cache.get(key, revision, now);
  if (cached) return { prepared: cached, revision, fromCache: true };
  const [level1, apis] = await Promise.all([readLevel1Quota(), apisInUse()]);
  const { prepared, nextChange } = await assembledWhitelistExport(environment, now, { perApiPerSecond: level1.perApiPerSecond, apis: documentApisOf(apis) });
  cache.set(key, revision, nextChange, prepared);
  return { prepared, revision, fromCache: false };
}

/** For tests and benchmarks: forget the prepared exports of this process. */
export function clearWhitelistExportCache(): void {
  cache.clear();
}
