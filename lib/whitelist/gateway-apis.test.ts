import { describe, expect, it } from "vitest";
import { ROR_API_DEFAULTS } from "../catalogue/ror-api-schema";
import { gatewayApisOf } from "./gateway-apis";
import { generateNginxConfig } from "./nginx-config";

describe("the catalogue's APIs for the nginx generator", () => {
  it("derives a readable level-1 key from each prefix and maps the kind", () => {
    expect(gatewayApisOf(ROR_API_DEFAULTS)).toEqual([
      { code: "fhir", name: "API FHIR du ROR", pathPrefix: "/fhir/", access: "authenticated", level1PerSecond: 100 },
      { code: "ws", name: "Services web historiques du ROR", pathPrefix: "/ws/", access: "authenticated", level1PerSecond: 100 },
      { code: "opendata", name: "API open data du ROR", pathPrefix: "/opendata/", access: "public", level1PerSecond: 100 },
    ]);
  });

  it("keeps keys unique and acceptable to the generator, whatever the prefix", () => {
    const long = `/${"a".repeat(60)}/`;
    const apis = gatewayApisOf([
      { name: "A", pathPrefix: "/ws/v2/", kind: "AUTHENTICATED", level1PerSecond: 5 },
      { name: "B", pathPrefix: "/_ws.v2/", kind: "PUBLIC", level1PerSecond: 5 },
      { name: "C", pathPrefix: "/-/", kind: "PUBLIC", level1PerSecond: 5 },
      { name: "D", pathPrefix: long, kind: "PUBLIC", level1PerSecond: 5 },
      { name: "E", pathPrefix: `${long}b/`, kind: "PUBLIC", level1PerSecond: 5 },
    ]);
    expect(apis.map((a) => a.code)).toEqual(["ws.v2", "ws.v2-2", "api", "a".repeat(56), `${"a".repeat(56)}-2`]);
    expect(() => generateNginxConfig({ environment: "TEST", entries: [], level1: { perApiPerSecond: 100 }, caBundlePems: [], caBundlePath: "/x", apis })).toThrow(/CA bundle is empty/);
  });
});
