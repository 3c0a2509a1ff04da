import { proConnectStartResponse } from "@/lib/auth/proconnect-endpoints.server";

export const dynamic = "force-dynamic";

/** "S'identifier avec ProConnect": leaves for the provider (ADR 0044). */
export function GET(request: Request): Promise<Response> {
  return proConnectStartResponse(request);
}
