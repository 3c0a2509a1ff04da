import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { seedDemoData } from "../../prisma/seed";
import { seedReferenceData } from "../../prisma/seed-reference";

/** Reference data always (idempotent); demo accounts only when asked. Returns true when demo data was added. */
export async function seedDatabase(databaseUrl: string, options: { demo: boolean }): Promise<boolean> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await seedReferenceData(db);
    return options.demo ? await seedDemoData(db) : false;
  } finally {
    await db.$disconnect();
  }
}
