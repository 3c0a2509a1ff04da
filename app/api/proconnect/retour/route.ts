import { proConnectCallbackResponse } from "@/lib/auth/proconnect-endpoints.server";

export const dynamic = "force-dynamic";

/** The provider's redirect back, with the authorization code (ADR 0044). */
export function GET(request: Request): Promise<Response> {
  return proConnectCallbackResponse(request);
}
