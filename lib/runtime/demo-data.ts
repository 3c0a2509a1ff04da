import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { seedDemoData } from "../../prisma/seed";
import { seedReferenceData } from "../../prisma/seed-reference";
import { seedExampleTestPlans } from "../platines/test-plans.server";

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
    return options.demo ? await seedDemoData(db, { testAuthorityDir: options.testAuthorityDir }) : false;
  } finally {
    await db.$disconnect();
  }
}
