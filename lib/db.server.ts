import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { createDatabasePool } from "./database-pool";
import { env } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { rorDb?: PrismaClient; rorDbPool?: pg.Pool };

function createDb(): PrismaClient {
  // Our own pool (lib/database-pool.ts), so that the metrics can say how busy it is; the client ends it on $disconnect.
  const pool = createDatabasePool(env().DATABASE_URL);
  globalForDb.rorDbPool = pool;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/** Connections of this process's pool: open, idle, and requests waiting for one (ADR 0025). */
export function databasePoolUse(): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = globalForDb.rorDbPool;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

/** One client per process; the dev server reloads modules, so it is kept on globalThis. */
export function db(): PrismaClient {
  globalForDb.rorDb ??= createDb();
  return globalForDb.rorDb;
}
