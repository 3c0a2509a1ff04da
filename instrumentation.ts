import type { Instrumentation } from "next";

// Once per server instance, inside Next: validate the environment (a bad variable stops it with a clear message),
// start tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, open the platform seal and, in production mode, run the
// background worker in this process (ADR 0023). `npm start` runs its worker itself, and `npm run worker` alone.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/startup-check.server");
  const [{ mailDeliveryNotice }, { env }, { logger }] = await Promise.all([
    import("./lib/mail/mailbox.server"),
    import("./lib/env.server"),
    import("./lib/observability/logger"),
  ]);
  const settings = env();
  if (settings.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("./lib/observability/tracing.server");
    startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: settings.OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME: settings.OTEL_SERVICE_NAME });
  }
  logger().info(mailDeliveryNotice(settings));
  // In the background: opening the P12 must not delay the first request.
  void import("./lib/attestations/platform-seal.server").then(({ checkPlatformSealAtStartup }) => checkPlatformSealAtStartup());
  if (settings.PORTAL_MODE === "production" && settings.PORTAL_WORKER === "on") {
    const { startInProcessWorker } = await import("./lib/runtime/in-process-worker.server");
    await startInProcessWorker(settings.DATABASE_URL);
  }
}

/** Every error of a request Next handles, as one log line with the request id and the route's pattern (ADR 0025). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/observability/request-error");
  logRequestError(error, request.headers, context);
};
