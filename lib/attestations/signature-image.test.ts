import { describe, expect, it } from "vitest";
import { checkSignaturePng, SIGNATURE_PROBLEMS, signatureFromDataUrl } from "./signature-image";
import { encodeTestPng, testSignaturePng, toDataUrl } from "../testing/test-png";

describe("signature image checks", () => {
  it("accepts a drawn signature, with either PNG row filter", () => {
    for (const filter of [0, 1]) {
      const png = encodeTestPng(300, 100, (x, y) => Math.abs(y - 50 - Math.sin(x / 10) * 20) < 2, filter);
      const result = checkSignaturePng(png);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.image.inkPixels).toBeGreaterThan(500);
    }
    expect(signatureFromDataUrl(toDataUrl(testSignaturePng())).ok).toBe(true);
  });

  it("refuses a blank canvas", () => {
    expect(checkSignaturePng(encodeTestPng(300, 100, () => false))).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.empty });
    // A few stray pixels are not a signature.
    expect(checkSignaturePng(encodeTestPng(300, 100, (x, y) => x < 3 && y < 3))).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.empty });
  });

  it("refuses what is not a PNG, or does not decode", () => {
    expect(signatureFromDataUrl("data:image/svg+xml;base64,PHN2Zz4=")).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.notPng });
    expect(signatureFromDataUrl(toDataUrl(new TextEncoder().encode("<script>alert(1)</script>".repeat(3))))).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.notPng });
    const truncated = testSignaturePng().slice(0, 200);
    expect(checkSignaturePng(truncated)).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.unreadable });
    const corrupted = testSignaturePng();
    corrupted[60] = corrupted[60]! ^ 0xff; // inside the compressed pixels
    expect(checkSignaturePng(corrupted).ok).toBe(false);
    expect(signatureFromDataUrl("")).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.missing });
    expect(signatureFromDataUrl(42)).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.missing });
  });

  it("refuses oversize files before decoding, and absurd dimensions", () => {
    expect(signatureFromDataUrl(`data:image/png;base64,${"A".repeat(500_000)}`)).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.tooLarge });
    expect(checkSignaturePng(new Uint8Array(301 * 1024))).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.tooLarge });
    expect(checkSignaturePng(encodeTestPng(4000, 50, (x) => x % 7 === 0))).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.dimensions });
    expect(checkSignaturePng(encodeTestPng(10, 10, () => true))).toEqual({ ok: false, problem: SIGNATURE_PROBLEMS.dimensions });
  });
});
