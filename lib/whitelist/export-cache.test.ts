import { describe, expect, it } from "vitest";
import { nextValidityChange, selectEntriesInForce } from "./entry";
import { prepareWhitelist, whitelistEtag } from "./export";
import { PreparedWhitelistCache } from "./export-cache";
import { syntheticCertificate, syntheticEntry } from "../testing/test-entries";

const now = new Date("2026-11-26T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe("nextValidityChange", () => {
  it("is the earliest future notBefore or notAfter of active entries", () => {
    const entries = [
      syntheticEntry(1, now, { certificates: [syntheticCertificate("a", minutes(-100), minutes(30)), syntheticCertificate("b", minutes(20), minutes(900))] }),
      syntheticEntry(2, now, { status: "SUSPENDED", certificates: [syntheticCertificate("c", minutes(-100), minutes(5))] }),
      syntheticEntry(3, now, { certificates: [syntheticCertificate("d", minutes(-100), minutes(-1))] }),
    ];
    expect(nextValidityChange(entries, now)).toEqual(minutes(20));
    expect(nextValidityChange(entries, minutes(20))).toEqual(minutes(30));
    expect(nextValidityChange(entries, minutes(900))).toBeNull();
  });

  it("the selection does not change before it, and does at it", () => {
    const entries = [syntheticEntry(1, now, { certificates: [syntheticCertificate("a", minutes(-100), minutes(30)), syntheticCertificate("b", minutes(20), minutes(900))] })];
    const change = nextValidityChange(entries, now)!;
    const etagAt = (at: Date) => whitelistEtag(prepareWhitelist(selectEntriesInForce(entries, at).entries, { perApiPerSecond: 100 }), "json");
    expect(etagAt(new Date(change.getTime() - 1))).toBe(etagAt(now));
    expect(etagAt(change)).not.toBe(etagAt(now));
  });
});

describe("PreparedWhitelistCache", () => {
  const prepared = prepareWhitelist([syntheticEntry(1, now)], { perApiPerSecond: 100 });

  it("serves the prepared export for the same key and revision until the next validity change", () => {
    const cache = new PreparedWhitelistCache();
    cache.set("all", "r1", minutes(10), prepared);
    expect(cache.get("all", "r1", now)).toBe(prepared);
    expect(cache.get("all", "r1", minutes(9))).toBe(prepared);
    expect(cache.get("all", "r1", minutes(10))).toBeNull();
    expect(cache.get("all", "r2", now)).toBeNull();
    expect(cache.get("TEST", "r1", now)).toBeNull();
  });

  it("without a validity change ahead, lasts until the revision changes", () => {
    const cache = new PreparedWhitelistCache();
    cache.set("all", "r1", null, prepared);
    expect(cache.get("all", "r1", new Date("2100-01-01T00:00:00Z"))).toBe(prepared);
    cache.clear();
    expect(cache.get("all", "r1", now)).toBeNull();
  });
});
