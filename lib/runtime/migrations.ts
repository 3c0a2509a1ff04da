// The migration step: Prisma's migrations, then the job engine's schema (ADR 0017). Used by `npm start`,
// `npm run db:deploy`, `npm run db:migrate` and the test templates; never by a worker at run time.
import { migrateJobSchema } from "../jobs/schema.server";
import { runPrisma } from "./database-tools";

export async function applyMigrations(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  await runPrisma(["migrate", "deploy"], databaseUrl, options);
  await migrateJobSchema(databaseUrl);
}
