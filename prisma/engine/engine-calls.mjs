// Maps a JSON-RPC call from the CLI onto the wasm engine's method of the same name.

// The CLI's RPC names that differ from the wasm method names.
const METHOD_ALIASES = { getDatabaseVersion: "version" };

export function engineMethodName(method) {
  return METHOD_ALIASES[method] ?? method;
}

/**
 * The wasm engine (7.10) hands the shadow database factory to devDiagnostic,
 * diagnoseMigrationHistory and diff only. evaluateDataLoss and createMigration read the schema of
 * the migration history from a cache that the first two fill, keyed by the list of migrations; on
 * a miss they fail with this message. The miss happens in `migrate dev` whenever the database was behind:
 * devDiagnostic cached the schema of the migrations applied so far, then the CLI applied the rest.
 * Diagnosing again, now that the database is up to date, fills the cache under the right key.
 */
const CACHE_MISS = "PostgreSQL shadow DB must be provided through an external factory";
const READS_MIGRATIONS_SCHEMA = new Set(["evaluateDataLoss", "createMigration"]);

export async function callEngine(engine, method, params) {
  const name = engineMethodName(method);
  try {
    // Call through the engine object: a detached wasm-bindgen method loses its `this` pointer.
    return await engine[name](params ?? null);
  } catch (error) {
    if (!READS_MIGRATIONS_SCHEMA.has(name) || !String(error?.message).includes(CACHE_MISS)) throw error;
    const { migrationsList, filters } = params;
    await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
    return await engine[name](params);
  }
}
