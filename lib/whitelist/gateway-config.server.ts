import "server-only";
// The nginx configuration of the ROR gateway for one environment, generated from the whitelist in force and the
// environment's CA bundle (ADR 0009), for ANS staff to download.
import { can, type Actor } from "../auth/permissions";
import { env } from "../env.server";
import { activeCaBundle } from "../certificates/ca-bundle.server";
import { pemEncode } from "../certificates/pem";
import { apisInUse } from "../catalogue/ror-apis.server";
import { AppError } from "../errors";
import { entriesInForce, readLevel1Quota } from "./entries.server";
import type { WhitelistEnvironment } from "./entry";
import { gatewayApisOf } from "./gateway-apis";
import { generateNginxConfig, NGINX_CA_BUNDLE_FILE, NGINX_HTTP_FILE, NGINX_SERVER_FILE, type NginxConfig } from "./nginx-config";

export const GATEWAY_FILES = [NGINX_HTTP_FILE, NGINX_SERVER_FILE, NGINX_CA_BUNDLE_FILE] as const;
export type GatewayFile = (typeof GATEWAY_FILES)[number];

/** Where the gateway installs the CA bundle; GATEWAY_CA_BUNDLE_DIR overrides the directory. */
export function caBundlePath(): string {
  const dir = env().GATEWAY_CA_BUNDLE_DIR ?? "/etc/nginx/ror";
  return `${dir.replace(/\/$/, "")}/${NGINX_CA_BUNDLE_FILE}`;
}

export async function buildGatewayConfig(environment: WhitelistEnvironment, now: Date): Promise<NginxConfig> {
  const [{ entries }, level1, bundle, apis] = await Promise.all([entriesInForce(now, environment), readLevel1Quota(), activeCaBundle(environment), apisInUse()]);
  return generateNginxConfig({
    environment,
    entries,
    level1: { perApiPerSecond: level1.perApiPerSecond },
    caBundlePems: bundle.map((c) => pemEncode(c.der, "CERTIFICATE")),
    caBundlePath: caBundlePath(),
    apis: gatewayApisOf(apis),
  });
}

export async function gatewayConfiguration(actor: Actor, environment: unknown, now: Date = new Date()): Promise<NginxConfig & { environment: WhitelistEnvironment }> {
  if (!can(actor, { type: "gatewayConfig.download" })) throw new AppError("FORBIDDEN", "Réservé aux instructeurs de l'ANS.");
  if (environment !== "TEST" && environment !== "PRODUCTION") throw new AppError("NOT_FOUND", "Cet environnement n'existe pas.");
  return { ...(await buildGatewayConfig(environment, now)), environment };
}

export type GatewayConfigOutcome =
  | ({ ok: true } & NginxConfig & { environment: WhitelistEnvironment })
  | { ok: false; environment: WhitelistEnvironment; problem: string };

/** For the page: a configuration that cannot be generated (e.g. no CA in the bundle) is explained, not a crash. */
export async function gatewayConfigurationOutcome(actor: Actor, environment: WhitelistEnvironment, now: Date = new Date()): Promise<GatewayConfigOutcome> {
  try {
    return { ok: true, ...(await gatewayConfiguration(actor, environment, now)) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const empty = error instanceof Error && /CA bundle is empty/.test(error.message);
    return {
      ok: false,
      environment,
      problem: empty
        ? "Aucune autorité de certification n'est active pour cet environnement : ajoutez-en une dans l'administration avant de générer la configuration."
        : "La configuration ne peut pas être générée avec les données actuelles.",
    };
  }
}
