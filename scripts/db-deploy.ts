// `npm run db:deploy`: applies the migrations (Prisma's, then the job engine's schema) to DATABASE_URL, else to the
// embedded database of `npm start` (which must not be running).
import path from "node:path";
import { projectRoot } from "../lib/runtime/database-tools";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/runtime/embedded-database";
import { applyMigrations } from "../lib/runtime/migrations";

let embedded: EmbeddedDatabase | null = null;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const dataDir = process.env.PORTAL_DATA_DIR ?? path.join(projectRoot, ".data");
  embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "postgres"), port: Number(process.env.EMBEDDED_DATABASE_PORT ?? 54329) });
  await embedded.ensureDatabase("ror");
  databaseUrl = embedded.url("ror");
}
try {
  await applyMigrations(databaseUrl);
  console.info("Migrations appliquées (schéma du portail et schéma des tâches de fond).");
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
