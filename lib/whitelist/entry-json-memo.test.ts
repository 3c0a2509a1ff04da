import { describe, expect, it } from "vitest";
import { EntryJsonMemo } from "./entry-json-memo";

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ revision: String(from + i), json: `{"n":${from + i}}`, sortKey: `k${from + i}`, requiresCertificate: true }));

describe("EntryJsonMemo", () => {
  it("holds the JSON of the revisions read, and names the ones it lacks", () => {
    const memo = new EntryJsonMemo();
    memo.remember("ALL", rows(1, 3));
    expect(memo.get("2")).toEqual({ json: '{"n":2}', sortKey: "k2", requiresCertificate: true });
    expect(memo.missing(["1", "3", "4"])).toEqual(["4"]);
  });

  it("drops replaced rows once they outgrow what the filters use, keeping every filter's rows", () => {
    const memo = new EntryJsonMemo();
    memo.remember("TEST", rows(1, 10));
    memo.remember("ALL", rows(1, 1000));
    // 400 rows replaced: new revisions, the old ones are no longer in use.
    for (let round = 0; round < 3; round++) memo.remember("ALL", [...rows(1, 600), ...rows(10_000 + round * 400, 400)]);
    expect(memo.size).toBeLessThanOrEqual(1000 * 1.5 + 100);
    expect(memo.missing(rows(1, 10).map((r) => r.revision))).toEqual([]);
    expect(memo.missing(rows(10_800, 400).map((r) => r.revision))).toEqual([]);
    expect(memo.get("700")).toBeUndefined();
  });
});
