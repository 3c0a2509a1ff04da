import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { seedDemoData } from "../../prisma/seed";

export async function seedDemoDatabase(databaseUrl: string): Promise<boolean> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    return await seedDemoData(db);
  } finally {
    await db.$disconnect();
  }
}
