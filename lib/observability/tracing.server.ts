import "server-only";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { logger } from "./logger";

// OpenTelemetry traces over OTLP/HTTP (ADR 0025), loaded by instrumentation.ts only when OTEL_EXPORTER_OTLP_ENDPOINT
// is set. Next traces its own work (requests, rendering, route handlers, fetches) into the provider registered here.

/** Attributes that may carry a raw URL, hence a token: never exported (the route pattern, next.route, stays). */
const URL_ATTRIBUTE = /(^|\.)(url|target|path|query|full)$|^http\.(url|target)$|^url\./;

function withoutUrls(span: ReadableSpan): ReadableSpan {
  const attributes = Object.fromEntries(Object.entries(span.attributes).filter(([key]) => key === "next.route" || key === "http.route" || !URL_ATTRIBUTE.test(key)));
  return Object.assign(Object.create(Object.getPrototypeOf(span) as object) as ReadableSpan, span, { attributes });
}

/** Every span goes out without its URL attributes. */
function scrubbing(exporter: SpanExporter): SpanExporter {
  return {
    export: (spans, done) => exporter.export(spans.map(withoutUrls), done),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

export function startTracing(settings: { OTEL_EXPORTER_OTLP_ENDPOINT: string; OTEL_SERVICE_NAME: string }): NodeTracerProvider {
  const url = `${settings.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.OTEL_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(scrubbing(new OTLPTraceExporter({ url })), { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  logger().info({ service: settings.OTEL_SERVICE_NAME }, "Traces OpenTelemetry exportées (OTLP/HTTP).");
  return provider;
}
