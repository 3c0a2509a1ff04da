import "server-only";
import { logger } from "../observability/logger";
import { startWorker } from "./worker.server";

// Production mode runs the background worker inside the web process (PORTAL_WORKER=on, the default), started by
// instrumentation.ts; the HTTP server (lib/runtime/portal-server.ts) stops it on SIGTERM, after the last request.
const KEY = Symbol.for("ror.in-process-worker");

export async function startInProcessWorker(databaseUrl: string): Promise<void> {
  const shared = globalThis as typeof globalThis & { [KEY]?: { stop(): Promise<void> } };
  if (shared[KEY]) return;
  try {
    shared[KEY] = await startWorker({ databaseUrl });
    logger().info("Tâches de fond démarrées dans ce processus (courriels, surveillance des certificats, rappels, nettoyage).");
  } catch (error) {
    // Fail closed: an instance that would silently never send mail must not serve.
    logger().fatal({ error: error instanceof Error ? error.message : String(error) }, "Tâches de fond impossibles à démarrer.");
    process.exit(1);
  }
}
