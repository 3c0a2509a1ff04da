import { headers } from "next/headers";

export type RequestContext = { ip: string; userAgent: string };

/** The client IP as set by the reverse proxy (or Next's own server); see ADR 0003. */
export function requestContextFrom(h: Headers): RequestContext {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || h.get("x-real-ip")?.trim() || "inconnue";
  return { ip: ip.slice(0, 64), userAgent: (h.get("user-agent") ?? "").slice(0, 500) };
}

export async function currentRequestContext(): Promise<RequestContext> {
  return requestContextFrom(await headers());
}
