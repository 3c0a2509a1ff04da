import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { generatePlatformSealCertificate, type GeneratedSealCertificate } from "./platform-seal-certificate";
import { sealPdf } from "./seal";
import { parsePdfDate, verifySealedPdf } from "./seal-verification";

const signingTime = new Date("2026-03-04T10:11:12Z");
const options = { signingTime, reason: "Cachet du portail", location: "Paris", name: "Portail ROR" };
let platform: GeneratedSealCertificate;
let other: GeneratedSealCertificate;
let unsigned: Uint8Array;
let sealed: Uint8Array;

async function samplePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  for (let line = 0; line < 40; line += 1) {
    page.drawText(`Ligne ${line} de l'attestation de client`, { x: 50, y: 800 - line * 18, size: 11, font });
  }
  return document.save({ useObjectStreams: false });
}

beforeAll(async () => {
  [platform, other] = await Promise.all([
    generatePlatformSealCertificate({ now: new Date("2026-01-01T00:00:00Z"), passphrase: "a", modulusLength: 2048 }),
    generatePlatformSealCertificate({ now: new Date("2026-01-01T00:00:00Z"), passphrase: "b", modulusLength: 2048 }),
  ]);
  unsigned = await samplePdf();
  sealed = await sealPdf(unsigned, { p12: platform.p12, passphrase: "a" }, options);
});

function byteRange(bytes: Uint8Array): number[] {
  const match = /\/ByteRange\s*\[([\d\s]+)\]/.exec(Buffer.from(bytes).toString("latin1"));
  return match![1]!.trim().split(/\s+/).map(Number);
}

describe("verifySealedPdf", () => {
  it("accepts a PDF sealed with a trusted certificate and reports the signer and the claimed time", async () => {
    const result = await verifySealedPdf(sealed, [other.certificateDer, platform.certificateDer]);
    expect(result).toEqual({
      status: "valid",
      signer: {
        subjectDn: "CN=Portail de l'espace de confiance ROR — cachet, O=Portail de l'espace de confiance ROR, C=FR",
        commonName: "Portail de l'espace de confiance ROR — cachet",
      },
      signingTime,
      subFilter: "ETSI.CAdES.detached",
    });
  });

  it("rejects one changed byte in the middle of the signed content", async () => {
    const tampered = Uint8Array.from(sealed);
    const [, firstLength] = byteRange(sealed);
    const middle = Math.floor(firstLength! / 2);
    tampered[middle] = tampered[middle]! ^ 0x01;
    expect(await verifySealedPdf(tampered, [platform.certificateDer])).toEqual({
      status: "invalid",
      reason: "digest-mismatch",
    });
  });

  it("rejects a changed byte in the signature value itself", async () => {
    const tampered = Uint8Array.from(sealed);
    const [, firstLength] = byteRange(sealed);
    // Well inside the CMS: the last part is the RSA signature value; flip a hex digit of the certificate area.
    const at = firstLength! + 1 + 1200;
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const result = await verifySealedPdf(tampered, [platform.certificateDer]);
    expect(result.status).toBe("invalid");
  });

  it("says modified when bytes are appended after the signed part", async () => {
    const appended = new Uint8Array([...sealed, ...Buffer.from("\n% ajout\n")]);
    expect(await verifySealedPdf(appended, [platform.certificateDer])).toEqual({
      status: "invalid",
      reason: "modified-after-sealing",
    });
  });

  it("does not accept a copy re-saved by a PDF library", async () => {
    const document = await PDFDocument.load(sealed);
    document.setTitle("Copie");
    const resaved = await document.save({ useObjectStreams: false });
    const result = await verifySealedPdf(resaved, [platform.certificateDer]);
    expect(result.status).toBe("invalid");
  });

  it("reports a signature by another certificate as an unknown signer", async () => {
    const foreign = await sealPdf(unsigned, { p12: other.p12, passphrase: "b" }, options);
    const result = await verifySealedPdf(foreign, [platform.certificateDer]);
    expect(result.status).toBe("unknown-signer");
    expect(await verifySealedPdf(foreign, [other.certificateDer])).toMatchObject({ status: "valid" });
  });

  it("tells a non-PDF and an unsigned PDF apart", async () => {
    expect(await verifySealedPdf(new Uint8Array(), [platform.certificateDer])).toEqual({ status: "not-pdf" });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(await verifySealedPdf(png, [platform.certificateDer])).toEqual({ status: "not-pdf" });
    expect(await verifySealedPdf(Buffer.from("Bonjour, ceci n'est pas un PDF"), [])).toEqual({ status: "not-pdf" });
    expect(await verifySealedPdf(unsigned, [platform.certificateDer])).toEqual({ status: "no-signature" });
  });

  it("treats a truncated file and garbage in the signature hole as invalid, never as valid", async () => {
    const truncated = sealed.subarray(0, sealed.length - 10);
    expect(await verifySealedPdf(truncated, [platform.certificateDer])).toMatchObject({ status: "invalid" });
    const [, firstLength, secondStart] = byteRange(sealed);
    const garbage = Uint8Array.from(sealed);
    garbage.fill(0x7a, firstLength! + 1, secondStart! - 1); // "zzzz…": not hexadecimal
    expect(await verifySealedPdf(garbage, [platform.certificateDer])).toEqual({
      status: "invalid",
      reason: "malformed",
    });
  });

  it("stays fast (the 20 ms target is measured by e2e/bench/attestation.ts; this guards gross regressions)", async () => {
    const times: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      const started = performance.now();
      await verifySealedPdf(sealed, [platform.certificateDer]);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[12]).toBeLessThan(50);
  });
});

describe("parsePdfDate", () => {
  it("reads UTC and offset dates", () => {
    expect(parsePdfDate("D:20260304101112Z")).toEqual(new Date("2026-03-04T10:11:12Z"));
    expect(parsePdfDate("D:20260304111112+01'00'")).toEqual(new Date("2026-03-04T10:11:12Z"));
    expect(parsePdfDate("D:2026")).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(parsePdfDate("hier")).toBeNull();
  });
});
