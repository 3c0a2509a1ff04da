import { describe, expect, it } from "vitest";
import { syntheticCertificate, syntheticEntry } from "../testing/test-entries";
import { DAY_MS } from "../vocabulary";
import { selectEntriesInForce } from "./entry";
import { prepareWhitelist } from "./export";
import { assembleWhitelist, gatewayEntryRows } from "./gateway-entry";

const now = new Date("2026-11-26T10:00:00Z");
const level1 = { perApiPerSecond: 100 };

describe("the export assembled from precomputed gateway entries", () => {
  const entries = Array.from({ length: 40 }, (_, i) => syntheticEntry(i, now));
  // A renewal not valid yet, an expired certificate, an entry whose only certificate expires soon, one needing none.
  entries[3] = { ...entries[3]!, certificates: [...entries[3]!.certificates, syntheticCertificate("renewal", new Date(now.getTime() + 10 * DAY_MS), new Date(now.getTime() + 400 * DAY_MS))] };
  entries[4] = { ...entries[4]!, certificates: [syntheticCertificate("old", new Date(now.getTime() - 400 * DAY_MS), new Date(now.getTime() - DAY_MS))] };
  entries[5] = { ...entries[5]!, certificates: [syntheticCertificate("soon", new Date(now.getTime() - DAY_MS), new Date(now.getTime() + 2 * DAY_MS))] };
  entries[6] = { ...entries[6]!, certificates: [], accessProfile: { ...entries[6]!.accessProfile, requiresCertificate: false } };
  const rows = gatewayEntryRows(entries, new Set());

  it.each([0, 5, 15, 500].map((days) => new Date(now.getTime() + days * DAY_MS)))("is byte for byte the export built from the entries, at %s", (at) => {
    const expected = prepareWhitelist(selectEntriesInForce(entries, at).entries, level1);
    const { prepared } = assembleWhitelist([...rows].reverse(), level1, at, new Set());
    expect(prepared.canonicalJson).toBe(expected.canonicalJson);
    expect(prepared.contentHash).toBe(expected.contentHash);
    expect(prepared.entries).toEqual(expected.entries);
  });

  it("drops a certificate revoked after the refresh at once", () => {
    const revoked = new Set([entries[7]!.certificates[0]!.fingerprintSha256]);
    const expected = prepareWhitelist(selectEntriesInForce(entries, now, revoked).entries, level1);
    expect(assembleWhitelist(rows, level1, now, revoked).prepared.canonicalJson).toBe(expected.canonicalJson);
  });

  it("knows the next instant its answer changes with time alone", () => {
    expect(assembleWhitelist(rows, level1, now, new Set()).nextChange).toEqual(new Date(now.getTime() + 2 * DAY_MS));
  });
});
