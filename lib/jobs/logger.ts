import { Logger } from "graphile-worker";

/** The engine's log lines, in the portal's format; its debug chatter is dropped unless WORKER_DEBUG=1. */
export function workerLogger(prefix = "[tâches]"): Logger {
  return new Logger(() => (level, message) => {
    if (level === "debug" && process.env.WORKER_DEBUG !== "1") return;
    const line = `${prefix} ${message}`;
    if (level === "error") console.error(line);
    else if (level === "warning") console.warn(line);
    else if (level === "debug" || process.env.WORKER_QUIET !== "1") console.info(line);
  });
}
