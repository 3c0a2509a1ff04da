import "server-only";
// Numbered revisions of the gateway configuration (ADR 0058). The files are generated from the whitelist in force by
// the existing generator; a revision row is added only when they differ from the environment's latest one, under an
// advisory lock so two agents polling at once never number the same files twice.
import { db } from "../db.server";
import { readWhitelistRevision } from "../whitelist/entries.server";
import { buildGatewayConfig, GATEWAY_FILES } from "../whitelist/gateway-config.server";
import type { Environment } from "../vocabulary";
import { gatewayFilesHash, sortedFiles, GATEWAY_BUNDLE_FORMAT_VERSION, type GatewayBundle, type GatewayFiles } from "./bundle";

export type GatewayRevisionRow = { id: bigint; environment: Environment; contentHash: string; files: GatewayFiles; generatedAt: Date };

const LOCK_KEYS: Record<Environment, number> = { TEST: 25_001, PRODUCTION: 25_002 };

/** The environment's configuration as it is now, numbered (an unchanged configuration keeps its number). */
export async function currentGatewayRevision(environment: Environment, now: Date = new Date()): Promise<GatewayRevisionRow> {
  const whitelistRevision = await readWhitelistRevision();
  const config = await buildGatewayConfig(environment, now);
  const files: GatewayFiles = sortedFiles(Object.fromEntries(GATEWAY_FILES.map((name) => [name, config.files[name]])));
  const contentHash = gatewayFilesHash(files);
  const latest = await latestGatewayRevision(environment);
  if (latest?.contentHash === contentHash) return latest;
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock($1)`, LOCK_KEYS[environment]);
    const again = await tx.gatewayRevision.findFirst({ where: { environment }, orderBy: { id: "desc" } });
    if (again?.contentHash === contentHash) return toRow(again);
    return toRow(await tx.gatewayRevision.create({ data: { environment, contentHash, files, whitelistRevision: BigInt(whitelistRevision), generatedAt: now } }));
  });
}

export async function latestGatewayRevision(environment: Environment): Promise<GatewayRevisionRow | null> {
  const row = await db().gatewayRevision.findFirst({ where: { environment }, orderBy: { id: "desc" } });
  return row ? toRow(row) : null;
}

export function bundleOf(row: GatewayRevisionRow): GatewayBundle {
  return { version: GATEWAY_BUNDLE_FORMAT_VERSION, environment: row.environment, revision: row.id.toString(), generatedAt: row.generatedAt.toISOString(), files: row.files };
}

function toRow(row: { id: bigint; environment: Environment; contentHash: string; files: unknown; generatedAt: Date }): GatewayRevisionRow {
  return { id: row.id, environment: row.environment, contentHash: row.contentHash, files: row.files as GatewayFiles, generatedAt: row.generatedAt };
}
