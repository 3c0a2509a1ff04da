import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { whitelistOpenApi } from "./openapi";

// The document the gateway team generates its client from (GET /api/v1/openapi.json) passes a standard OpenAPI
// linter: Redocly's, with its recommended rules, run here offline on the generated document.
describe("the OpenAPI document of the machine API", () => {
  it("passes Redocly's lint with the recommended rules: no error, no warning", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(whitelistOpenApi, null, 2), absoluteRef: "openapi.json", config });
    const described = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location.map((l) => l.pointer).join(", ")})`);
    expect(described).toEqual([]);
  });
});
