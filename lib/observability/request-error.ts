import { logger } from "./logger";
import { REQUEST_ID_HEADER } from "./request-id";

type ErrorContext = { routerKind: string; routePath: string; routeType: string; renderSource?: string; revalidateReason?: string };

/**
 * One log line for an error Next caught while handling a request: the request id (the one the error page shows), the
 * route's pattern (never the path: it may hold a token), and the error's digest, which the browser also receives.
 */
export function logRequestError(error: unknown, headers: Record<string, string | string[] | undefined>, context: ErrorContext): void {
  const requestId = headers[REQUEST_ID_HEADER];
  const digest = typeof error === "object" && error !== null && "digest" in error ? String((error as { digest: unknown }).digest) : undefined;
  logger().error(
    {
      requestId: typeof requestId === "string" ? requestId : undefined,
      route: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource,
      digest,
      error:
        typeof error === "object" && error !== null && "message" in error
          ? { name: String((error as { name?: unknown }).name ?? "Error"), message: String(error.message), stack: String((error as { stack?: unknown }).stack ?? "") }
          : { message: String(error) },
    },
    "erreur lors du traitement d'une requête",
  );
}
