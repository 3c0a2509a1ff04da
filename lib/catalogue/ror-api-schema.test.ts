import { describe, expect, it } from "vitest";
import { QUOTA_RANGE_MESSAGE } from "../vocabulary";
import { prefixOverlap, PREFIX_FORMAT_MESSAGE, ROR_API_DEFAULTS, rorApiInput } from "./ror-api-schema";

const valid = { name: "API FHIR", pathPrefix: "/fhir/r4/", kind: "AUTHENTICATED", level1PerSecond: "100" };

describe("the ROR API catalogue's input", () => {
  it("accepts a plain prefix and a quota in range", () => {
    expect(rorApiInput.parse(valid)).toEqual({ ...valid, level1PerSecond: 100 });
  });

  it.each(["fhir/", "/fhir", "/fh ir/", "/fhir/$uri/", "/fhir/{x}/", "/fhir;/", "/f~/", "/%66hir/", "/fhir/../", "//", "/fhir//r4/", '/"x"/', "/é/"])(
    "refuses the prefix %j, which nginx would interpret",
    (pathPrefix) => {
      const result = rorApiInput.safeParse({ ...valid, pathPrefix });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toBe(PREFIX_FORMAT_MESSAGE);
    },
  );

  it.each(["0", "1001", "2.5", "-3", "abc"])("refuses the level-1 quota %j", (level1PerSecond) => {
    expect(rorApiInput.safeParse({ ...valid, level1PerSecond }).error!.issues[0]!.message).toBe(QUOTA_RANGE_MESSAGE);
  });

  it("refuses a prefix that overlaps another API's, either way", () => {
    expect(prefixOverlap("/fhir/r4/", ROR_API_DEFAULTS)).toMatch(/^Ce préfixe recouvre celui de l'API « API FHIR du ROR » \(\/fhir\/\)/);
    expect(prefixOverlap("/", ROR_API_DEFAULTS)).not.toBeNull();
    expect(prefixOverlap("/fhirx/", ROR_API_DEFAULTS)).toBeNull();
  });

  it("seeds prefixes that do not overlap each other", () => {
    for (const api of ROR_API_DEFAULTS) {
      expect(rorApiInput.safeParse(api).success).toBe(true);
      expect(prefixOverlap(api.pathPrefix, ROR_API_DEFAULTS.filter((o) => o !== api))).toBeNull();
    }
  });
});
