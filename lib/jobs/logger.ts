import { Logger } from "graphile-worker";
import { logger } from "../observability/logger";

/**
 * The engine's log lines, as the portal's JSON logs: warnings and errors always; its per-job information
 * ("Completed task…") only with WORKER_VERBOSE=1, its debugging with WORKER_VERBOSE=debug.
 */
export function workerLogger(component = "tâches"): Logger {
  return new Logger(() => (level, message) => {
    const verbose = process.env.WORKER_VERBOSE;
    if (level === "debug" && verbose !== "debug") return;
    if (level === "info" && !verbose) return;
    const log = logger();
    const fields = { component };
    if (level === "error") log.error(fields, message);
    else if (level === "warning") log.warn(fields, message);
    else if (level === "debug") log.debug(fields, message);
    else log.info(fields, message);
  });
}
