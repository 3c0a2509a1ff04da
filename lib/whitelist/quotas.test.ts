import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { DEFAULT_LEVEL1_PER_API_PER_SECOND, level1QuotaSchema } from "./quotas";

const RANGE = "Saisissez un nombre entier d'appels par seconde compris entre 1 et 1000.";

describe("level 1", () => {
  it("accepts the charter's default and the bounds", () => {
    expect(DEFAULT_LEVEL1_PER_API_PER_SECOND).toBe(100);
    for (const value of [1, 100, 1000]) expect(level1QuotaSchema.parse({ perApiPerSecond: value })).toEqual({ perApiPerSecond: value });
  });

  it.each([0, -1, 2.5, 1001, 1e9, Number.NaN, Number.POSITIVE_INFINITY, "100", null])("refuses %s with the allowed range", (value) => {
    const result = level1QuotaSchema.safeParse({ perApiPerSecond: value });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ perApiPerSecond: RANGE });
  });
});
