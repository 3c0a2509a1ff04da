import { metrics } from "@/lib/observability/metrics";
import { whitelistApiResponse } from "@/lib/whitelist/api.server";

export const dynamic = "force-dynamic";

/** The gateway's whitelist (OpenAPI: /api/v1/openapi.json). */
export async function GET(request: Request): Promise<Response> {
  const response = await whitelistApiResponse(request);
  metrics().whitelistAnswers.inc({ status: String(response.status) });
  return response;
}
