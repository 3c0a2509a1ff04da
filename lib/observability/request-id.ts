// Pure: the id that follows a request through the logs, the response and the error page (ADR 0025).

export const REQUEST_ID_HEADER = "x-request-id";
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The X-Request-Id the trusted reverse proxy gave, when there is one (TRUSTED_PROXY_COUNT ≥ 1) and it looks like an
 * id; null otherwise, and the portal makes its own. Without a proxy the header comes from the client, who could
 * use it to forge log lines: it is ignored.
 */
export function acceptedRequestId(header: string | string[] | undefined, trustedProxies: number): string | null {
  if (trustedProxies < 1 || typeof header !== "string") return null;
  const value = header.trim();
  return ACCEPTABLE.test(value) ? value : null;
}
