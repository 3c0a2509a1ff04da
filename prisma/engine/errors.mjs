// Turns what the wasm engine throws into the error payload of the native engine, so the CLI
// prints its usual messages (e.g. "P3005 ...", "Error in Schema engine. Reason: ...").

// Driver adapter error kinds for which the native engine reports a known P1xxx code.
const CONNECTION_ERROR_CODES = {
  AuthenticationFailed: "P1000",
  DatabaseNotReachable: "P1001",
  DatabaseDoesNotExist: "P1003",
  DatabaseAccessDenied: "P1010",
  TlsConnectionError: "P1011",
  ConnectionClosed: "P1017",
};

/**
 * `data` of a JSON-RPC error, as read by the CLI: { is_panic, message, error_code?, meta?, backtrace? }.
 * `externalError(id)` returns the JS error an adapter threw, which the engine only knows by id.
 */
export function errorData(error, { panicMessage, lastErrorKind, externalError } = {}) {
  if (panicMessage || error instanceof WebAssembly.RuntimeError) {
    return { is_panic: true, message: panicMessage ?? String(error), backtrace: error?.stack };
  }
  // User-facing errors from the engine carry their own code (P3xxx, P1012, ...).
  if (typeof error?.code === "string") {
    return { is_panic: false, message: error.message, meta: error.meta, error_code: error.code };
  }
  const message = stripSpanTrace(error?.message ?? String(error)).replace(
    /External error id#(\d+)/g,
    (text, id) => externalError?.(Number(id))?.message ?? text,
  );
  const error_code = CONNECTION_ERROR_CODES[lastErrorKind];
  return error_code ? { is_panic: false, message, error_code } : { is_panic: false, message };
}

export function rpcError(id, data) {
  // 4466 is the code the native engine uses for all engine errors; the CLI only reads `data`.
  const message = data.is_panic ? data.message : "An error happened. Check the data field for details.";
  return { jsonrpc: "2.0", id, error: { code: 4466, message, data } };
}

// SchemaConnectorError messages end with a tracing span dump ("   0: sql_schema_connector::...").
function stripSpanTrace(message) {
  return message.split(/\n\s+0: /)[0].trimEnd();
}
