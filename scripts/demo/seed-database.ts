import { PrismaPg } from "@prisma/adapter-pg";
import { createDatabasePool } from "../../lib/database-pool";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedReferenceDatabase } from "../../lib/reference/reference-data.server";
import { seedDemoApplication } from "./demo-application";
import { seedDemoData, type DemoDataOptions } from "./seed-demo";
import { seedDemoVerification } from "./demo-verification";

/**
 * Reference data always (idempotent); demo accounts and the demo test authority only when asked. Returns true when
 * demo data was added.
 */
export async function seedDatabase(databaseUrl: string, options: { demo: boolean } & DemoDataOptions): Promise<boolean> {
  await seedReferenceDatabase(databaseUrl);
  if (!options.demo) return false;
  const db = new PrismaClient({ adapter: new PrismaPg(createDatabasePool(databaseUrl, 4), { disposeExternalPool: true }) });
  try {
    const accounts = await seedDemoData(db, options);
    // A submitted demo dossier, so the reviewer queue is not empty (also added to an older demo database).
    // Issue 22: the demo organisation verified, a second one waiting (also added to an older demo database).
    const verification = await seedDemoVerification(db);
    const application = await seedDemoApplication(db);
    return accounts || verification || application;
  } finally {
    await db.$disconnect();
  }
}
