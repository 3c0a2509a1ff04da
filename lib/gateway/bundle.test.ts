import { describe, expect, it } from "vitest";
import { appliedSentence, gatewayBundleBytes, gatewayBundleEtag, gatewayEnvironmentOf, gatewayFilesHash, gatewayReportSchema } from "./bundle";

describe("the gateway bundle", () => {
  it("hashes the same files the same whatever their order, and differently when one byte changes", () => {
    expect(gatewayFilesHash({ a: "1", b: "2" })).toBe(gatewayFilesHash({ b: "2", a: "1" }));
    expect(gatewayFilesHash({ a: "1", b: "2" })).not.toBe(gatewayFilesHash({ a: "1", b: "3" }));
    // Length prefixes: moving bytes from one file to another changes the hash.
    expect(gatewayFilesHash({ a: "12", b: "" })).not.toBe(gatewayFilesHash({ a: "1", b: "2" }));
  });

  it("gives a strong ETag that follows the bytes", () => {
    const bundle = { version: 1 as const, environment: "TEST" as const, revision: "812", generatedAt: "2026-12-12T13:03:00.000Z", files: { b: "x", a: "y" } };
    const etag = gatewayBundleEtag(gatewayBundleBytes(bundle));
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(gatewayBundleEtag(gatewayBundleBytes({ ...bundle, files: { a: "y", b: "x" } }))).toBe(etag);
    expect(gatewayBundleEtag(gatewayBundleBytes({ ...bundle, revision: "813" }))).not.toBe(etag);
  });

  it("reads exactly one known environment", () => {
    expect(gatewayEnvironmentOf(new URL("http://p/x?environment=TEST"))).toBe("TEST");
    expect(gatewayEnvironmentOf(new URL("http://p/x"))).toBe("invalid");
    expect(gatewayEnvironmentOf(new URL("http://p/x?environment=TEST&environment=PRODUCTION"))).toBe("invalid");
    expect(gatewayEnvironmentOf(new URL("http://p/x?environment=test"))).toBe("invalid");
  });

  it("validates a report and refuses extra fields or a malformed revision", () => {
    const ok = { environment: "TEST", revision: "812", result: "applied", appliedAt: "2026-12-12T13:03:00.000Z", message: "" };
    expect(gatewayReportSchema.safeParse(ok).success).toBe(true);
    expect(gatewayReportSchema.safeParse({ ...ok, revision: "0" }).success).toBe(false);
    expect(gatewayReportSchema.safeParse({ ...ok, revision: "81a" }).success).toBe(false);
    expect(gatewayReportSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
    expect(gatewayReportSchema.safeParse({ ...ok, message: "x".repeat(4001) }).success).toBe(false);
  });

  it("says when and which revision, in Paris time", () => {
    expect(appliedSentence({ result: "APPLIED", appliedAt: new Date("2026-12-12T13:03:00Z"), revision: "812" })).toBe(
      "appliqué à la passerelle à 14:03 le 12 décembre 2026 (révision 812)",
    );
    expect(appliedSentence({ result: "FAILED", appliedAt: new Date("2026-07-01T12:00:00Z"), revision: "9" })).toMatch(/^échec .* à 14:00 .*révision 9/);
  });
});
