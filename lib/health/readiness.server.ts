import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { db } from "../db.server";
import { EXPECTED_JOB_SCHEMA_REVISION, JOB_SCHEMA } from "../jobs/schema.server";
import { readiness, type Readiness } from "./readiness";

/**
 * The migrations this build brings: prisma/migrations beside the app (the project root, or the standalone build's
 * folder, where next.config.js's outputFileTracingIncludes copies them).
 */
function expectedMigrations(): string[] {
  const folder = path.join(process.cwd(), "prisma", "migrations");
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(folder, e.name, "migration.sql")))
    .map((e) => e.name);
}

/** Database reachable, every migration applied, the job engine's schema at its revision. */
export async function checkReadiness(): Promise<Readiness> {
  try {
    const [applied, jobs] = await Promise.all([
      db().$queryRaw<{ name: string }[]>`
        SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      db().$queryRawUnsafe<{ revision: number | null }[]>(
        `SELECT CASE WHEN to_regclass('${JOB_SCHEMA}.migrations') IS NULL THEN NULL ELSE (SELECT max(id) FROM ${JOB_SCHEMA}.migrations) END AS revision`,
      ),
    ]);
    const revision = jobs[0]?.revision ?? null;
    return readiness({
      databaseReachable: true,
      expectedMigrations: expectedMigrations(),
      appliedMigrations: applied.map((m) => m.name),
      jobSchemaProblem:
        revision === null
          ? "schéma non installé : lancez npm run db:deploy."
          : revision < EXPECTED_JOB_SCHEMA_REVISION
            ? `schéma en révision ${revision}, ${EXPECTED_JOB_SCHEMA_REVISION} attendue : lancez npm run db:deploy.`
            : null,
    });
  } catch {
    return readiness({ databaseReachable: false, expectedMigrations: [], appliedMigrations: [], jobSchemaProblem: null });
  }
}
