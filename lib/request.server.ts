import "server-only";
import { headers } from "next/headers";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";
import { env } from "./env.server";

export type RequestContext = { ip: string; userAgent: string };

/**
 * Who is calling: the client address (the one function every audit row, signature evidence, API call log and limit
 * uses; ADR 0016) and the user agent. `trustedProxies` defaults to `TRUSTED_PROXY_COUNT`.
 */
export function requestContextFrom(h: Headers, trustedProxies: number = env().TRUSTED_PROXY_COUNT): RequestContext {
  const ip = clientAddress({ forwardedFor: h.get("x-forwarded-for"), peer: h.get(PEER_ADDRESS_HEADER) }, trustedProxies);
  return { ip: ip.slice(0, 64), userAgent: (h.get("user-agent") ?? "").slice(0, 500) };
}

/** The portal's public origin: AUTH_URL's when set, otherwise the one this request was addressed to. */
export function portalOrigin(h: Headers): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return "http://localhost";
  }
}

export async function currentRequestContext(): Promise<RequestContext> {
  return requestContextFrom(await headers());
}
