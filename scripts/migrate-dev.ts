// `npm run db:migrate -- --name <change>`: prisma migrate dev, on the embedded database when DATABASE_URL is unset.
import path from "node:path";
import { projectRoot, runPrisma } from "../lib/runtime/database-tools";
import { startEmbeddedDatabase } from "../lib/runtime/embedded-database";
import { migrateJobSchema } from "../lib/jobs/schema.server";

const args = ["migrate", "dev", ...process.argv.slice(2)];
if (process.env.DATABASE_URL) {
  await runPrisma(args, process.env.DATABASE_URL);
  await migrateJobSchema(process.env.DATABASE_URL);
} else {
  const dataDir = process.env.PORTAL_DATA_DIR ?? path.join(projectRoot, ".data");
  const database = await startEmbeddedDatabase({
    dataDir: path.join(dataDir, "postgres"),
    port: Number(process.env.EMBEDDED_DATABASE_PORT ?? 54329),
  });
  try {
    await database.ensureDatabase("ror");
    await runPrisma(args, database.url("ror"));
    await migrateJobSchema(database.url("ror"));
  } finally {
    await database.stop();
  }
}
