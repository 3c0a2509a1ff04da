import { whitelistOpenApi } from "@/lib/whitelist/openapi";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(whitelistOpenApi, { headers: { "Cache-Control": "public, max-age=300" } });
}
