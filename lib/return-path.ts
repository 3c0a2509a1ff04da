// Pure: where a person may be sent back after signing in (`retour`). Only a path of this portal (ADR 0015).

/** Used when the caller does not know the portal's public origin: then no absolute URL is ever accepted. */
const NO_ORIGIN = "http://portail.invalid";

// After decoding, a path must not start like a protocol-relative URL, nor hide control characters that a browser
// would strip (turning `/%09/evil.example` into `//evil.example`) or that would break a header.
const UNSAFE_DECODED = /^\/[/\\]|[\u0000-\u001f\u007f\\]/;

/**
 * The same-origin path (`/…` with its query and fragment) that `value` leads to when resolved against the portal's
 * origin, or null when it leads anywhere else or is not a string. The WHATWG URL parser does what browsers do:
 * it drops tabs and newlines, turns backslashes into slashes, and reads `//host` as another site.
 */
export function safeReturnPath(value: unknown, portalOrigin: string = NO_ORIGIN): string | null {
  if (typeof value !== "string" || value === "" || value.length > 2048) return null;
  let base: URL;
  let target: URL;
  try {
    base = new URL(portalOrigin);
    target = new URL(value, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || target.username !== "" || target.password !== "") return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.pathname);
  } catch {
    return null;
  }
  if (UNSAFE_DECODED.test(decoded)) return null;
  return `${target.pathname}${target.search}${target.hash}`;
}
