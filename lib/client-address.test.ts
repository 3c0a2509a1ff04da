import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, UNKNOWN_ADDRESS } from "./client-address";

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
  ])("%j is %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each([null, undefined, "", "unknown", "999.1.1.1", "evil.example", "1.2.3.4, 5.6.7.8", "<script>", "1.2.3.4:99999x"])(
    "%j is not an address",
    (raw) => {
      expect(normalizeAddress(raw)).toBeNull();
    },
  );
});

describe("clientAddress", () => {
  const peer = "::ffff:192.0.2.10";
  type Row = [trusted: number, forwardedFor: string | null, peer: string | null, expected: string];
  const rows: Row[] = [
    // 0 trusted proxies: the header is ignored, whatever it says.
    [0, null, peer, "192.0.2.10"],
    [0, "203.0.113.66", peer, "192.0.2.10"],
    [0, "203.0.113.66, 198.51.100.1", "10.0.0.5", "10.0.0.5"],
    [0, "203.0.113.66", null, UNKNOWN_ADDRESS],
    [0, null, "not an address", UNKNOWN_ADDRESS],
    // 1 trusted proxy (deploy/, production): the right-most entry, which our proxy wrote.
    [1, "198.51.100.23", "10.0.0.2", "198.51.100.23"],
    [1, "203.0.113.66, 198.51.100.23", "10.0.0.2", "198.51.100.23"],
    [1, "1.1.1.1, 2.2.2.2, 198.51.100.23", "10.0.0.2", "198.51.100.23"],
    [1, "  198.51.100.23  ", "10.0.0.2", "198.51.100.23"],
    [1, "203.0.113.66,198.51.100.23:6000", "10.0.0.2", "198.51.100.23"],
    [1, "[2001:db8::7]:443", "10.0.0.2", "2001:db8::7"],
    [1, null, "10.0.0.2", "10.0.0.2"],
    [1, "", "10.0.0.2", "10.0.0.2"],
    [1, " , ", "10.0.0.2", "10.0.0.2"],
    [1, "forged, not-an-ip", "10.0.0.2", UNKNOWN_ADDRESS],
    // 2 trusted proxies (e.g. a CDN, then our load balancer): the second entry from the right.
    [2, "198.51.100.23, 10.0.0.1", "10.0.0.2", "198.51.100.23"],
    [2, "203.0.113.66, 198.51.100.23, 10.0.0.1", "10.0.0.2", "198.51.100.23"],
    [2, "203.0.113.1, 203.0.113.2, 198.51.100.23, 10.0.0.1", "10.0.0.2", "198.51.100.23"],
    // Fewer entries than trusted proxies: the left-most one, still written by a trusted proxy.
    [2, "198.51.100.23", "10.0.0.2", "198.51.100.23"],
    [2, null, "10.0.0.2", "10.0.0.2"],
  ];
  it.each(rows)("with %i trusted proxies, X-Forwarded-For %j and peer %j: %j", (trusted, forwardedFor, peerAddress, expected) => {
    expect(clientAddress({ forwardedFor, peer: peerAddress }, trusted)).toBe(expected);
  });

  it("cannot be steered by prepending forged entries", () => {
    const honest = clientAddress({ forwardedFor: "198.51.100.23", peer: "10.0.0.2" }, 1);
    for (let i = 0; i < 100; i++) {
      expect(clientAddress({ forwardedFor: `203.0.113.${i}, 198.51.100.23`, peer: "10.0.0.2" }, 1)).toBe(honest);
    }
  });
});
