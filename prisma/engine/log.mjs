// The CLI reads our stderr line by line as JSON tracing events (`level`, `fields.message`,
// `target`) and builds its error messages from them, so nothing else may be written there.
export function log(level, message, fields = {}, target = "schema_engine::bridge") {
  writeEvent({ level, fields: { message, ...fields }, target });
}

// `cli` subcommands: the CLI looks for an ERROR event from this target carrying `error_code`.
export function logUserFacingError({ message, error_code, is_panic = false }) {
  writeEvent({ level: "ERROR", fields: { is_panic, error_code, message }, target: "schema_engine::logger" });
}

// The wasm engine already emits tracing JSON; pass it on with the timestamp the native engine adds.
export function forwardEngineLog(line) {
  try {
    writeEvent(JSON.parse(line));
  } catch {
    log("INFO", String(line).trim(), {}, "schema_engine_wasm");
  }
}

function writeEvent(event) {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), ...event })}\n`);
}
