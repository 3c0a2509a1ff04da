// Pure: the ROR API catalogue's rows (ADR 0052) as the nginx generator takes them.
import type { RorApiKind } from "../catalogue/ror-api-schema";
import type { WhitelistDocumentApi } from "./export";
import type { GatewayApi } from "./nginx-config";

/**
 * The catalogue's APIs as the generator takes them: the level-1 key is derived from the prefix ("/fhir/" → "fhir"),
 * readable in nginx's logs and unique (prefixes never overlap, a suffix settles what truncation could merge).
 */
export function gatewayApisOf(apis: readonly { name: string; pathPrefix: string; kind: RorApiKind; level1PerSecond: number }[]): GatewayApi[] {
  const codes = new Set<string>();
  return apis.map((api) => {
    const base = (api.pathPrefix.split("/").filter(Boolean).join(".").replace(/^[^A-Za-z0-9]+/, "") || "api").slice(0, 56);
    let code = base;
    for (let n = 2; codes.has(code.toLowerCase()); n++) code = `${base}-${n}`;
    codes.add(code.toLowerCase());
    return { code, ...documentApisOf([api])[0]! };
  });
}


/** The catalogue's APIs as the whitelist export publishes them (the same access and level 1 as nginx applies). */
export function documentApisOf(apis: readonly { name: string; pathPrefix: string; kind: RorApiKind; level1PerSecond: number }[]): WhitelistDocumentApi[] {
  return apis.map((api) => ({ name: api.name, pathPrefix: api.pathPrefix, access: api.kind === "PUBLIC" ? "public" : "authenticated", level1PerSecond: api.level1PerSecond }));
}
