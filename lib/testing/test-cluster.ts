import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { seedReferenceDatabase } from "../reference/reference-data.server";
import { startEmbeddedDatabase } from "../runtime/embedded-database";
import { applyMigrations } from "../runtime/migrations";

export type TestCluster = { adminUrl: string; stop: () => Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * A PostgreSQL server for a test run: the one DATABASE_URL names, or a throwaway embedded cluster.
 * Returned URL points at the maintenance database, where tests may create and drop databases.
 */
export async function startTestCluster(): Promise<TestCluster> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    return { adminUrl: url.toString(), stop: async () => undefined };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ror-test-pg-"));
  const cluster = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  return {
    adminUrl: cluster.url(),
    stop: async () => {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** (Re)creates `name` with every migration applied (the job engine's schema included), to be copied as a template by each test file. */
export async function createMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString(), { quiet: true });
  await seedReferenceDatabase(url.toString());
  return url.toString();
}

