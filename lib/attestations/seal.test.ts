import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import { PDFDocument, StandardFonts } from "pdf-lib";
import * as pkijs from "pkijs";
import { beforeAll, describe, expect, it } from "vitest";
import { generatePlatformSealCertificate, type GeneratedSealCertificate } from "./platform-seal-certificate";
import {
  OID_CONTENT_TYPE,
  OID_MESSAGE_DIGEST,
  OID_SIGNING_CERTIFICATE_V2,
  OID_SIGNING_TIME,
  sealCertificateDer,
  SealCredentialsError,
  sealPdf,
} from "./seal";

const signingTime = new Date("2026-03-04T10:11:12Z");
const options = { signingTime, reason: "Cachet du portail", location: "Paris", name: "Portail ROR" };
let seal: GeneratedSealCertificate;
let pdf: Uint8Array;

async function samplePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setCreationDate(new Date("2026-03-01T00:00:00Z"));
  document.setModificationDate(new Date("2026-03-01T00:00:00Z"));
  const page = document.addPage([595, 842]);
  page.drawText("Attestation de client", { x: 50, y: 780, font: await document.embedFont(StandardFonts.Helvetica) });
  return document.save();
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

function signatureParts(sealed: Uint8Array) {
  const text = latin1(sealed);
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!match) throw new Error("no ByteRange");
  const [a, b, c, d] = match.slice(1).map(Number) as [number, number, number, number];
  const hex = text.slice(b + 1, c - 1);
  const cms = Buffer.from(hex, "hex");
  const signed = Buffer.concat([sealed.subarray(a, a + b), sealed.subarray(c, c + d)]);
  return { byteRange: [a, b, c, d], cms, signed, text };
}

beforeAll(async () => {
  seal = await generatePlatformSealCertificate({
    now: new Date("2026-01-01T00:00:00Z"),
    passphrase: "phrase de passe",
    modulusLength: 2048,
  });
  pdf = await samplePdf();
});

describe("generatePlatformSealCertificate", () => {
  it("makes a self-signed seal certificate valid five years, for signature and non-repudiation", async () => {
    const certificate = pkijs.Certificate.fromBER(Uint8Array.from(seal.certificateDer));
    const commonName = certificate.subject.typesAndValues.find((tv) => tv.type === "2.5.4.3");
    expect(commonName?.value.valueBlock.value).toBe("Portail de l'espace de confiance ROR — cachet");
    expect(certificate.notBefore.value.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(certificate.notAfter.value.toISOString()).toBe("2031-01-01T00:00:00.000Z");
    expect(await certificate.verify()).toBe(true); // self-signed
    const keyUsage = certificate.extensions?.find((extension) => extension.extnID === "2.5.29.15");
    expect(keyUsage?.critical).toBe(true);
    const bits = (keyUsage?.parsedValue as asn1js.BitString).valueBlock.valueHexView;
    expect(bits[0]).toBe(0b1100_0000); // digitalSignature, nonRepudiation and nothing else
    expect(await sealCertificateDer({ p12: seal.p12, passphrase: "phrase de passe" })).toEqual(seal.certificateDer);
  });
});

describe("sealPdf", () => {
  it("adds one ETSI.CAdES.detached signature covering the whole file except its /Contents", async () => {
    const sealed = await sealPdf(pdf, { p12: seal.p12, passphrase: "phrase de passe" }, options);
    const { byteRange, text, cms, signed } = signatureParts(sealed);
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain("/SubFilter /ETSI.CAdES.detached");
    expect(text).toContain("/M (D:20260304101112Z)");
    expect(byteRange[0]).toBe(0);
    expect(byteRange[2]! + byteRange[3]!).toBe(sealed.length);
    expect(text[byteRange[1]!]).toBe("<");
    expect(text[byteRange[2]! - 1]).toBe(">");

    const contentInfo = pkijs.ContentInfo.fromBER(Uint8Array.from(cms));
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    expect(signedData.encapContentInfo.eContent).toBeUndefined(); // detached
    const attributes = signedData.signerInfos[0]!.signedAttrs!.attributes;
    const types = attributes.map((attribute) => attribute.type);
    expect(types).toEqual([OID_CONTENT_TYPE, OID_MESSAGE_DIGEST, OID_SIGNING_CERTIFICATE_V2]);
    expect(types).not.toContain(OID_SIGNING_TIME); // PAdES: the claimed time is /M only

    const digest = (attributes[1]!.values[0] as asn1js.OctetString).valueBlock.valueHexView;
    expect(Buffer.from(digest)).toEqual(createHash("sha256").update(signed).digest());
    const essCertIdV2 = (attributes[2]!.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const certHash = ((essCertIdV2.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.OctetString)
      .valueBlock.valueHexView;
    expect(Buffer.from(certHash)).toEqual(createHash("sha256").update(seal.certificateDer).digest());

    const verification = await signedData.verify({ signer: 0, data: Uint8Array.from(signed).buffer, checkChain: false });
    expect(verification).toBe(true);
  });

  it("gives the same bytes for the same input (no clock, no random padding)", async () => {
    const credentials = { p12: seal.p12, passphrase: "phrase de passe" };
    const first = await sealPdf(pdf, credentials, options);
    const second = await sealPdf(pdf, credentials, options);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("refuses a wrong passphrase with a readable message", async () => {
    await expect(sealPdf(pdf, { p12: seal.p12, passphrase: "mauvaise" }, options)).rejects.toBeInstanceOf(
      SealCredentialsError,
    );
  });
});
