// The migration-aware driver adapter factory the wasm engine connects through: one for the main
// database, plus shadow databases for commands that replay the migration history.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { CatalogClient, withCatalogFixes } from "./pg-catalog.mjs";

/**
 * Returns the bound factory for `SchemaEngine.new`, `close()` to release every pool and drop any
 * shadow database still around, and `errorContext()` for errors.mjs: the JS errors the engine
 * only reports by id, and the kind of the last connection-level driver error (the wasm engine's
 * connection errors carry no P1xxx code).
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const openAdapters = new Set();
  let lastErrorKind;

  async function connect(connectionString) {
    const options = { schema: schemaOf(connectionString) };
    const adapter = await new PrismaPg({ connectionString, Client: CatalogClient }, options).connect();
    recordErrors(adapter, (kind) => (lastErrorKind = kind));
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      openAdapters.delete(adapter);
      await dispose();
    };
    openAdapters.add(adapter);
    return withCatalogFixes(adapter);
  }

  // Not adapter-pg's own connectToShadowDb (7.10): given a connection string, its "shadow" pool
  // connects to the main database (the URL's database wins over its `database` option), so the
  // migration history would be replayed there; given discrete options, it drops the database
  // before closing the pool still connected to it, so the DROP fails and the database leaks.
  async function connectToTemporaryShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await runAdminStatement(url, `CREATE DATABASE ${quoteIdent(name)}`);
    const adapter = await connect(withDatabase(url, name));
    const dispose = adapter.dispose.bind(adapter);
    let dropped;
    adapter.dispose = () =>
      (dropped ??= (async () => {
        await dispose();
        await runAdminStatement(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
      })());
    return adapter;
  }

  // The native engine empties a configured shadow database before each use; the wasm engine
  // replays the migrations onto whatever it is given, so we do the emptying.
  async function connectToConfiguredShadowDb() {
    if (sameDatabase(url, shadowDatabaseUrl)) {
      throw new Error(
        "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
      );
    }
    const schema = quoteIdent(schemaOf(shadowDatabaseUrl) ?? "public");
    await runAdminStatement(shadowDatabaseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    return connect(shadowDatabaseUrl);
  }

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(url),
    connectToShadowDb: () => (shadowDatabaseUrl ? connectToConfiguredShadowDb() : connectToTemporaryShadowDb()),
  };

  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  return {
    factory: boundFactory,
    close: async () => {
      await Promise.allSettled([...openAdapters].map((adapter) => adapter.dispose()));
    },
    errorContext: () => {
      const context = { lastErrorKind, externalError: (id) => boundFactory.errorRegistry.consumeError(id)?.error };
      lastErrorKind = undefined;
      return context;
    },
  };
}

function recordErrors(adapter, record) {
  for (const method of ["queryRaw", "executeRaw", "executeScript", "startTransaction"]) {
    const original = adapter[method].bind(adapter);
    adapter[method] = async (...args) => {
      try {
        return await original(...args);
      } catch (error) {
        if (error?.name === "DriverAdapterError") record(error.cause?.kind);
        throw error;
      }
    };
  }
}

export async function runAdminStatement(connectionString, sql) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function withDatabase(connectionString, database) {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function schemaOf(connectionString) {
  return new URL(connectionString).searchParams.get("schema") ?? undefined;
}

function sameDatabase(a, b) {
  const key = (connectionString) => {
    const { hostname, port, pathname } = new URL(connectionString);
    return `${hostname}:${port || 5432}${pathname}?schema=${schemaOf(connectionString) ?? "public"}`;
  };
  return key(a) === key(b);
}

export function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
