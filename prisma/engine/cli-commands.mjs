// `schema-engine --datasource <json> cli <command>`: one-shot commands the CLI runs before
// `migrate dev`/`migrate deploy` to check the database exists and create it if it does not.
import { createAdapterFactory, quoteIdent, runAdminStatement, withDatabase } from "./adapter-factory.mjs";
import { errorData } from "./errors.mjs";
import { forwardEngineLog, logUserFacingError } from "./log.mjs";
import { createEngine } from "./wasm-engine.mjs";

const COMMANDS = {
  "can-connect-to-database": canConnect,
  "create-database": createDatabase,
};

/** Returns the process exit code. Failures go to stderr as an ERROR event the CLI parses. */
export async function runCliCommand(command, datasource) {
  const run = COMMANDS[command];
  if (!run) {
    logUserFacingError({ message: `Unknown cli command: ${command}` });
    return 1;
  }
  try {
    await run(datasource.url);
    return 0;
  } catch (error) {
    logUserFacingError(error instanceof ReportedError ? error.data : errorData(error));
    return 1;
  }
}

// An error whose payload was already built where its context was at hand.
class ReportedError extends Error {
  constructor(data) {
    super(data.message);
    this.data = data;
  }
}

async function canConnect(url) {
  const adapters = createAdapterFactory({ url });
  try {
    const engine = await createEngine({ datamodels: [], adapterFactory: adapters.factory, onLog: forwardEngineLog });
    await engine.ensureConnectionValidity({ datasource: { tag: "ConnectionString", url } });
    engine.free();
  } catch (error) {
    throw new ReportedError(errorData(error, adapters.errorContext()));
  } finally {
    await adapters.close();
  }
  process.stdout.write("Connection successful\n");
}

// The wasm engine has no createDatabase; like the native engine, connect to the server's
// `postgres` database and create the target from there.
async function createDatabase(url) {
  const database = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  await runAdminStatement(withDatabase(url, "postgres"), `CREATE DATABASE ${quoteIdent(database)}`);
  process.stdout.write(`${JSON.stringify({ databaseName: database })}\n`);
}
