import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session.server";
import { gatewayConfiguration, GATEWAY_FILES, type GatewayFile } from "@/lib/whitelist/gateway-config.server";
import { fileResponse } from "@/lib/files/stored-files.server";

export const dynamic = "force-dynamic";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };
const ENVIRONMENTS: Record<string, "TEST" | "PRODUCTION"> = { test: "TEST", production: "PRODUCTION" };

/** One file of the gateway configuration, generated now, as a download. */
export async function GET(_request: Request, { params }: { params: Promise<{ environment: string; file: string }> }): Promise<Response> {
  const { environment, file } = await params;
  const actor = await getActor();
  // A route handler answers in words: forbidden() would send an empty page.
  if (!actor) return new Response("Connexion requise : connectez-vous au portail.", { status: 401, headers: TEXT });
  if (!can(actor, { type: "gatewayConfig.download" })) return new Response("Accès refusé : seuls les instructeurs et administrateurs ANS téléchargent la configuration de la passerelle.", { status: 403, headers: TEXT });
  const env = Object.hasOwn(ENVIRONMENTS, environment) ? ENVIRONMENTS[environment] : undefined;
  if (!env || !(GATEWAY_FILES as readonly string[]).includes(file)) {
    return new Response("Fichier introuvable : la configuration de la passerelle ne comporte pas ce fichier.", { status: 404, headers: TEXT });
  }
  const config = await gatewayConfiguration(actor, env);
  const text = config.files[file as GatewayFile];
  const mediaType = file.endsWith(".pem") ? "application/x-pem-file" : "text/plain; charset=utf-8";
  // Saved under the names the files include each other by (the server file names the CA bundle's path, the http
  // file names the server file): an environment prefix would make the operator rename them before nginx finds them.
  return fileResponse({ fileName: file, mediaType, content: new TextEncoder().encode(text) }, "attachment");
}
