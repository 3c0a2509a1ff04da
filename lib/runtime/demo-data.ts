import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { seedDemoData } from "../../prisma/seed";
import { seedReferenceData } from "../../prisma/seed-reference";
import { seedExampleTestPlans } from "../platines/test-plans.server";
import { seedDemoApplication } from "./demo-application";

/**
 * Reference data always (idempotent); demo accounts and the demo test authority only when asked. Returns true when
 * demo data was added.
 */
export async function seedDatabase(databaseUrl: string, options: { demo: boolean; testAuthorityDir?: string }): Promise<boolean> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await seedReferenceData(db);
    // PLATINES example test plans: reference data, linked to the access profiles seeded just before.
    await seedExampleTestPlans(db);
    if (!options.demo) return false;
    const accounts = await seedDemoData(db, { testAuthorityDir: options.testAuthorityDir });
    // A submitted demo dossier, so the reviewer queue is not empty (also added to an older demo database).
    const application = await seedDemoApplication(db);
    return accounts || application;
  } finally {
    await db.$disconnect();
  }
}
