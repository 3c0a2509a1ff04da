import fs from "node:fs/promises";

// The package's main entry does `import "./schema_engine_bg.wasm"`, which Node only supports behind
// --experimental-wasm-modules. We instantiate the module ourselves, as Prisma's own loader does.
const bindingsUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");

// The wasm panic hook writes the panic message here before trapping with `unreachable`.
class PanicRegistry {
  message = "";
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  }
}

let bindings;

export async function loadBindings() {
  if (bindings) return bindings;
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
  const glue = await import(bindingsUrl);
  const bytes = await fs.readFile(new URL("schema_engine_bg.wasm", bindingsUrl));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  bindings = glue;
  return bindings;
}

export function panicMessage() {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || undefined;
}

/**
 * `SchemaEngine.new(options, logCallback, adapterFactory)`: options.datamodels is undefined or a
 * non-empty list of [path, content]; the factory must be bound with bindMigrationAwareSqlAdapterFactory.
 * Note: it connects to the database immediately.
 */
export async function createEngine({ datamodels, adapterFactory, onLog }) {
  const { SchemaEngine } = await loadBindings();
  return SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, onLog, adapterFactory);
}

export async function engineVersion() {
  return (await loadBindings()).version();
}
