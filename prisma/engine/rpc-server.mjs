// Newline-delimited JSON-RPC 2.0 over stdin/stdout, the protocol the CLI speaks to the native
// engine: one request per line in, one response per line out.
import readline from "node:readline";
import { callEngine, engineMethodName } from "./engine-calls.mjs";
import { errorData, rpcError } from "./errors.mjs";

/**
 * `getEngine()` returns the wasm engine (created lazily: it connects on creation, and a failed
 * connection must be reported as the error of the request, like the native engine does).
 * `errorContext()` returns what errorData needs to build a faithful error.
 */
export function serveRpc({ getEngine, engineMethods, errorContext, onClose }) {
  const printReplies = new Map();
  let nextPrintId = 1;
  let queue = Promise.resolve();
  const inFlight = new Set();
  const failed = new Set();

  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  // The native engine hands `diff` output to the CLI through a `print` request; the wasm engine
  // returns it instead, so we print it the same way.
  const print = (content) =>
    new Promise((resolve) => {
      const id = `bridge-print-${nextPrintId++}`;
      printReplies.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  async function handle({ id, method, params }) {
    const name = engineMethodName(method);
    if (!engineMethods.has(name)) {
      return { jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } };
    }
    inFlight.add(id);
    try {
      const result = await callEngine(await getEngine(), method, params);
      if (name === "diff" && result?.stdout) {
        await print(result.stdout);
        return { jsonrpc: "2.0", id, result: { exitCode: result.exitCode } };
      }
      return { jsonrpc: "2.0", id, result: result === undefined ? null : result };
    } catch (error) {
      return rpcError(id, errorData(error, errorContext()));
    } finally {
      inFlight.delete(id);
    }
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (printReplies.has(message.id) && !message.method) {
      printReplies.get(message.id)();
      printReplies.delete(message.id);
      return;
    }
    // One request at a time, in order, as the native engine does.
    queue = queue.then(async () => {
      const response = await handle(message);
      if (!failed.has(message.id)) send(response);
    });
  });
  lines.on("close", () => {
    // Nobody is left to acknowledge a print: do not wait for it.
    for (const resolve of printReplies.values()) resolve();
    queue = queue.then(onClose);
  });

  return {
    // After a wasm panic the instance is unusable: fail whatever is pending, like the native engine.
    failInFlight: (data) => {
      for (const id of inFlight) {
        send(rpcError(id, data));
        failed.add(id);
      }
      inFlight.clear();
    },
  };
}
