import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Runs the real Prisma CLI through our offline schema engine (ADR 0001). DATABASE_URL is only
// used to reach a server on which this file creates, then drops, its own databases.
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error("DATABASE_URL must point to a PostgreSQL server where databases can be created.");

const root = path.resolve(import.meta.dirname, "..", "..");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsPath = path.join(root, "prisma", "migrations");
const suffix = randomBytes(4).toString("hex");
const shadowDb = `drift_shadow_${suffix}`;
const deployDb = `drift_deploy_${suffix}`;
const TIMEOUT = 60_000;

let tempDir: string;

beforeAll(async () => {
  tempDir = await fs.mkdtemp(path.join(os.tmpdir(), "drift-"));
  await admin(`CREATE DATABASE "${shadowDb}"`);
  await admin(`CREATE DATABASE "${deployDb}"`);
}, TIMEOUT);

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${shadowDb}" WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS "${deployDb}" WITH (FORCE)`);
  await fs.rm(tempDir, { recursive: true, force: true });
}, TIMEOUT);

describe("migrations and schema.prisma", () => {
  // Exit code of `migrate diff --exit-code`: 0 in sync, 2 when the schema holds a change no migration has.
  const diffAgainstMigrations = (schema: string) =>
    prisma(["migrate", "diff", "--from-migrations", migrationsPath, "--to-schema", schema, "--exit-code"], {
      DATABASE_URL: adminUrl,
      SHADOW_DATABASE_URL: databaseUrl(shadowDb),
    });

  it("agree: every change to schema.prisma has its migration (else run `prisma migrate dev`)", async () => {
    const { code, output } = await diffAgainstMigrations(schemaPath);
    expect(code, output).toBe(0);
  }, TIMEOUT);

  it("are reported as drifting when the schema has a change no migration holds", async () => {
    const schema = await fs.readFile(schemaPath, "utf8");
    const withExtraColumn = schema.replace(/^model (\w+) \{$/m, (line) => `${line}\n  driftProbe String?`);
    expect(withExtraColumn).not.toBe(schema);
    const changedSchema = path.join(tempDir, "schema.prisma");
    await fs.writeFile(changedSchema, withExtraColumn);

    const { code, output } = await diffAgainstMigrations(changedSchema);
    expect(code, output).toBe(2);
    expect(output).toContain("driftProbe");
  }, TIMEOUT);
});

describe("migrate deploy", () => {
  it("applies the migrations to an empty database, which migrate status then reports up to date", async () => {
    const env = { DATABASE_URL: databaseUrl(deployDb) };

    const deploy = await prisma(["migrate", "deploy"], env);
    expect(deploy.code, deploy.output).toBe(0);

    const status = await prisma(["migrate", "status"], env);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toContain("Database schema is up to date");

    const migrations = (await fs.readdir(migrationsPath, { withFileTypes: true })).filter((e) => e.isDirectory());
    const applied = await query(databaseUrl(deployDb), `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    expect(applied.rows[0]?.n).toBe(migrations.length);
  }, TIMEOUT);
});

function prisma(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), ...args], {
      cwd: root,
      env: {
        ...process.env,
        SHADOW_DATABASE_URL: undefined,
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "prisma", "engine", "schema-engine"),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

function databaseUrl(database: string): string {
  const url = new URL(adminUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

function admin(sql: string) {
  return query(adminUrl!, sql);
}

async function query(connectionString: string, sql: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
