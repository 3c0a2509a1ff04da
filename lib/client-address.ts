import { isIP } from "node:net";

// Pure: which address a request comes from, given what the connection and the trusted proxies say (ADR 0016).

/**
 * The header our HTTP server (lib/runtime/serve.ts) sets from the connection's peer address, after deleting any
 * copy the client sent. Next does not expose the socket to route handlers, so this is how they learn it.
 */
export const PEER_ADDRESS_HEADER = "x-ror-peer-address";

export const UNKNOWN_ADDRESS = "inconnue";

/** A bare IP address (no port, no brackets, IPv4-mapped IPv6 as IPv4), or null when the value is not one. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%[0-9A-Za-z._~-]+$/, ""); // IPv6 zone index
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const version = isIP(value);
  if (version === 4) return value;
  if (version === 6) return value.toLowerCase();
  return null;
}

export type AddressSources = {
  /** The `X-Forwarded-For` header as received (several headers joined by commas), or null. */
  forwardedFor: string | null;
  /** The connection's peer address, as our HTTP server passes it; null when unknown. */
  peer: string | null;
};

/**
 * The client address. The peer of the connection is the last hop; each trusted proxy appended the address it saw
 * to `X-Forwarded-For`. With `trustedProxies` = N, the peer and the N − 1 right-most entries are our proxies, so
 * the client is the N-th entry from the right: the right-most hop we do not trust. Entries further left were
 * written by the client and are never read. With N = 0 the header is ignored. When the header has fewer entries
 * than expected, the left-most one is taken (it was still written by a proxy we trust).
 */
export function clientAddress(sources: AddressSources, trustedProxies: number): string {
  const peer = normalizeAddress(sources.peer);
  if (trustedProxies <= 0) return peer ?? UNKNOWN_ADDRESS;
  const hops = (sources.forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (hops.length === 0) return peer ?? UNKNOWN_ADDRESS;
  const index = Math.max(0, hops.length - trustedProxies);
  return normalizeAddress(hops[index]) ?? UNKNOWN_ADDRESS;
}
