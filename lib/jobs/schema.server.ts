import "server-only";
// The job engine's own schema ("graphile_worker"). Installed and upgraded by the migration step — `npm start`'s
// migrations, `npm run db:deploy`, the test templates — right after Prisma's migrations; a worker only checks that
// it is there at the revision it expects, and refuses to start otherwise (ADR 0017).
import { runMigrations } from "graphile-worker";
import { migrations } from "graphile-worker/dist/generated/sql";
import pg from "pg";
import { workerLogger } from "./logger";

export const JOB_SCHEMA = "graphile_worker";

/** The revision of the engine's schema this version of the engine brings. */
export const EXPECTED_JOB_SCHEMA_REVISION = Math.max(...Object.keys(migrations).map((file) => Number.parseInt(file.slice(0, 6), 10)));

export async function migrateJobSchema(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, schema: JOB_SCHEMA, logger: workerLogger() });
}

/** Null when the schema is installed at the expected revision; otherwise, in French, what to do. */
export async function jobSchemaProblem(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ installed: boolean }>(`SELECT to_regclass('${JOB_SCHEMA}.migrations') IS NOT NULL AS installed`);
    if (!rows[0]?.installed) return "le schéma des tâches de fond n'est pas installé : appliquez les migrations (npm run db:deploy, ou npm start).";
    const revision = await client.query<{ id: number | null }>(`SELECT max(id) AS id FROM ${JOB_SCHEMA}.migrations`);
    const installed = revision.rows[0]?.id ?? 0;
    if (installed < EXPECTED_JOB_SCHEMA_REVISION) {
      return `le schéma des tâches de fond est en révision ${installed}, ${EXPECTED_JOB_SCHEMA_REVISION} attendue : appliquez les migrations (npm run db:deploy, ou npm start).`;
    }
    return null;
  } finally {
    await client.end();
  }
}
