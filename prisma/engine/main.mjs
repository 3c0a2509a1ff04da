// Entry point: answers `--version`, one-shot `cli` commands, or serves JSON-RPC on stdin/stdout.
import fs from "node:fs";
import { parseArgs } from "./args.mjs";
import { createAdapterFactory } from "./adapter-factory.mjs";
import { runCliCommand } from "./cli-commands.mjs";
import { errorData } from "./errors.mjs";
import { forwardEngineLog, log } from "./log.mjs";
import { serveRpc } from "./rpc-server.mjs";
import { createEngine, engineVersion, loadBindings, panicMessage } from "./wasm-engine.mjs";

const args = parseArgs(process.argv.slice(2));

if (args.version) {
  // Same shape as the native binary; the CLI checks the output contains the engines hash.
  process.stdout.write(`schema-engine-cli ${await engineVersion()}\n`);
} else {
  // The CLI drops the first stderr line of `cli` commands, so there must always be one.
  log("INFO", "Starting schema engine (wasm bridge)", { git_hash: await engineVersion() });
  if (args.cliCommand) {
    process.exitCode = await runCliCommand(args.cliCommand, args.datasource ?? {});
  } else {
    await serve();
  }
}

async function serve() {
  const datasource = args.datasource ?? {};
  const datamodels = args.datamodels.map((path) => [path, fs.readFileSync(path, "utf8")]);
  const adapters = createAdapterFactory(datasource);
  const { SchemaEngine } = await loadBindings();
  const engineMethods = new Set(
    Object.getOwnPropertyNames(SchemaEngine.prototype).filter((name) => !["constructor", "free"].includes(name)),
  );

  let engine;
  const getEngine = async () =>
    (engine ??= await createEngine({ datamodels, adapterFactory: adapters.factory, onLog: forwardEngineLog }));

  let closing;
  const shutdown = (exitCode) =>
    (closing ??= (async () => {
      // Closing the pools is what drops any temporary shadow database left behind.
      await adapters.close();
      process.exit(exitCode);
    })());

  const server = serveRpc({
    getEngine,
    engineMethods,
    errorContext: () => ({ panicMessage: panicMessage(), ...adapters.errorContext() }),
    onClose: () => shutdown(0),
  });

  // A wasm panic traps asynchronously, outside any request's promise chain. Exit code 101 is
  // what the CLI treats as an engine panic, like Rust's.
  const onFatal = (error) => {
    const data = errorData(error, { panicMessage: panicMessage() });
    log("ERROR", data.message, { is_panic: data.is_panic, backtrace: data.backtrace });
    server.failInFlight(data);
    void shutdown(data.is_panic ? 101 : 1);
  };
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));
}
