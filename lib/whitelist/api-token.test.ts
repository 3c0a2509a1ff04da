import { describe, expect, it } from "vitest";
import {
  apiTokenFromBytes,
  apiTokenHint,
  apiTokenNameSchema,
  bearerToken,
  hashApiToken,
  rateWindowStart,
  retryAfterSeconds,
  sameTokenHash,
  wantsCsv,
} from "./api-token";

const token = apiTokenFromBytes(new Uint8Array(32).fill(7));

describe("API tokens", () => {
  it("builds a prefixed base64url token from 32 bytes and refuses other sizes", () => {
    expect(token).toMatch(/^rorwl_[A-Za-z0-9_-]{43}$/);
    expect(() => apiTokenFromBytes(new Uint8Array(16))).toThrow();
    expect(apiTokenHint(token)).toBe(token.slice(0, 12));
  });

  it("reads only a well-formed bearer token", () => {
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer  ${token}`)).toBe(token);
    expect(bearerToken(`Basic ${token}`)).toBe("");
    expect(bearerToken("Bearer abc")).toBe("");
    expect(bearerToken(null)).toBe("");
  });

  it("compares hashes in constant time and never matches a missing stored hash", () => {
    const hash = hashApiToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sameTokenHash(hash, hash)).toBe(true);
    expect(sameTokenHash(hash, hashApiToken(`${token}x`))).toBe(false);
    expect(sameTokenHash(null, hash)).toBe(false);
    expect(sameTokenHash(null, "0".repeat(64))).toBe(false);
    expect(sameTokenHash("not hex", "not hex")).toBe(false);
  });

  it("validates names and refuses markup", () => {
    expect(apiTokenNameSchema.parse({ name: "  Passerelle   prod " }).name).toBe("Passerelle prod");
    expect(apiTokenNameSchema.safeParse({ name: "ab" }).success).toBe(false);
    expect(apiTokenNameSchema.safeParse({ name: "<script>x</script>" }).success).toBe(false);
  });
});

describe("rate limit arithmetic", () => {
  it("uses one-minute windows and a Retry-After of at least one second", () => {
    const now = new Date("2026-11-26T10:00:42.300Z");
    expect(rateWindowStart(now).toISOString()).toBe("2026-11-26T10:00:00.000Z");
    expect(retryAfterSeconds(now)).toBe(18);
    expect(retryAfterSeconds(new Date("2026-11-26T10:00:59.999Z"))).toBe(1);
  });

  it("chooses CSV only when Accept asks for it", () => {
    expect(wantsCsv("text/csv")).toBe(true);
    expect(wantsCsv("application/json, text/csv;q=0.5")).toBe(true);
    expect(wantsCsv("text/csv;q=0")).toBe(false);
    expect(wantsCsv("*/*")).toBe(false);
    expect(wantsCsv(null)).toBe(false);
  });
});
