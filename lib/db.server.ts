import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { rorDb?: PrismaClient };

function createDb(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

/** One client per process; the dev server reloads modules, so it is kept on globalThis. */
export function db(): PrismaClient {
  globalForDb.rorDb ??= createDb();
  return globalForDb.rorDb;
}
