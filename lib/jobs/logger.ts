import { Logger } from "graphile-worker";

/**
 * The engine's log lines, in the portal's format: warnings and errors always; its per-job information
 * ("Completed task…") only with WORKER_VERBOSE=1, its debugging with WORKER_VERBOSE=debug.
 */
export function workerLogger(prefix = "[tâches]"): Logger {
  return new Logger(() => (level, message) => {
    const verbose = process.env.WORKER_VERBOSE;
    if (level === "debug" && verbose !== "debug") return;
    if (level === "info" && !verbose) return;
    const line = `${prefix} ${message}`;
    if (level === "error") console.error(line);
    else if (level === "warning") console.warn(line);
    else console.info(line);
  });
}
