import { gatewayReportResponse } from "@/lib/gateway/api.server";

export const dynamic = "force-dynamic";

/** The sync agent's report of what it applied (OpenAPI: /api/v1/openapi.json). */
export async function POST(request: Request): Promise<Response> {
  return gatewayReportResponse(request);
}
