import { gatewayConfigurationResponse } from "@/lib/gateway/api.server";

export const dynamic = "force-dynamic";

/** The nginx configuration bundle of one environment, for the sync agent (OpenAPI: /api/v1/openapi.json). */
export async function GET(request: Request): Promise<Response> {
  return gatewayConfigurationResponse(request);
}
