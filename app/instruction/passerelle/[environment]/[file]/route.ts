import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session.server";
import { gatewayConfiguration, GATEWAY_FILES, type GatewayFile } from "@/lib/whitelist/gateway-config.server";
import { fileResponse } from "@/lib/files/stored-files.server";

export const dynamic = "force-dynamic";

const ENVIRONMENTS: Record<string, "TEST" | "PRODUCTION"> = { test: "TEST", production: "PRODUCTION" };

/** One file of the gateway configuration, generated now, as a download. */
export async function GET(_request: Request, { params }: { params: Promise<{ environment: string; file: string }> }): Promise<Response> {
  const { environment, file } = await params;
  const actor = await requirePermission({ type: "gatewayConfig.download" }, "/instruction/passerelle");
  const env = Object.hasOwn(ENVIRONMENTS, environment) ? ENVIRONMENTS[environment] : undefined;
  if (!env || !(GATEWAY_FILES as readonly string[]).includes(file)) notFound();
  const config = await gatewayConfiguration(actor, env);
  const text = config.files[file as GatewayFile];
  const mediaType = file.endsWith(".pem") ? "application/x-pem-file" : "text/plain; charset=utf-8";
  const name = file.replace(/^ror-/, `ror-${environment}-`);
  return fileResponse({ fileName: name, mediaType, content: new TextEncoder().encode(text) }, "attachment");
}
