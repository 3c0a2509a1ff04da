// The sealed attestation as real PDF tools see it: poppler's pdfsig validates the PAdES signature over the whole
// document, qpdf finds the file well formed, and a tampered copy fails both pdfsig and our own verification.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttestationContent } from "./attestation-content";
import { renderFinalAttestationPdf } from "./pdf";
import { platformSealCredentials, trustedSealCertificates } from "./platform-seal.server";
import { sealPdf } from "./seal";
import { verifySealedPdf } from "./seal-verification";
import { testSignaturePng } from "../testing/test-png";

const dir = mkdtempSync(path.join(tmpdir(), "seal-int-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const content: AttestationContent = {
  clientName: "Centre hospitalier Émile-Roux",
  clientAddress: "1 avenue de la Gare\n43000 Le Puy-en-Velay",
  clientSignatoryLastName: "Barthélémy",
  clientSignatoryFirstName: "Chloé",
  clientSignatoryFunction: "Directrice des systèmes d'information",
  clientSiret: "26430001800013",
  clientSignatoryEmail: "chloe.barthelemy@ch.example",
  editorName: "Santé Numérique Démo SAS",
  editorAddress: "5 rue des Œillets\n69003 Lyon",
  editorSiret: "73282932000074",
  editorLegalRepresentativeName: "Hélène Dupré",
  editorLegalRepresentativeEmail: "helene.dupre@editeur.example",
  serviceName: "Orientation Sûre",
  softwareName: "Orienté Soins",
  orderSignedOn: "2026-01-15",
  softwareVersion: "4.2.1",
  place: "Lyon",
  madeOn: "2026-02-01",
};
const clientSignedAt = new Date("2026-02-02T09:30:00Z");
const editorSignedAt = new Date("2026-02-03T16:45:10Z");
const sealedAt = new Date("2026-02-03T16:45:11Z");
let sealedFile: string;
let sealed: Uint8Array;

function pdfsig(file: string) {
  const result = spawnSync("pdfsig", [file], { encoding: "utf8" });
  return `${result.stdout}${result.stderr}`;
}

function writeCopy(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  const png = testSignaturePng();
  const rendered = await renderFinalAttestationPdf(
    content,
    {
      clients: [{ image: png, name: "Chloé Barthélémy", function: content.clientSignatoryFunction, signedAt: clientSignedAt }],
      editor: { image: png, name: "Hélène Dupré", function: "Présidente", signedAt: editorSignedAt },
    },
    {
      sentSha256: "a".repeat(64),
      sentAt: new Date("2026-02-01T08:00:00Z"),
      signers: [
        { party: "CLIENT", name: "Chloé Barthélémy", function: "DSI", email: content.clientSignatoryEmail, signedAt: clientSignedAt, ip: "203.0.113.7", userAgent: "Firefox" },
        { party: "EDITOR", name: "Hélène Dupré", function: "Présidente", email: content.editorLegalRepresentativeEmail, signedAt: editorSignedAt, ip: "198.51.100.7", userAgent: "Chrome" },
      ],
    },
  );
  sealed = await sealPdf(rendered, await platformSealCredentials(), {
    signingTime: sealedAt,
    reason: "Attestation de client signée par les deux parties",
    location: "Portail d'adhésion à l'espace de confiance du ROR",
    name: "Portail d'adhésion à l'espace de confiance du ROR",
  });
  sealedFile = writeCopy("sealed.pdf", sealed);
});

describe("a sealed attestation", () => {
  it("passes pdfsig as one valid ETSI.CAdES.detached signature over the total document", () => {
    const output = pdfsig(sealedFile);
    expect(output).toContain("Signature #1:");
    expect(output).not.toContain("Signature #2:");
    expect(output).toContain("Signature Type: ETSI.CAdES.detached");
    expect(output).toContain("Signing Hash Algorithm: SHA-256");
    expect(output).toContain("Signer Certificate Common Name: Portail de l'espace de confiance ROR — cachet");
    expect(output).toContain("Signature Validation: Signature is Valid.");
    expect(output).toContain("Total document signed");
    // Self-signed by default: poppler cannot chain it to an authority it knows (see ADR 0007).
    expect(output).toContain("Certificate Validation: Certificate issuer is unknown.");
  });

  it("passes qpdf --check", () => {
    const result = spawnSync("qpdf", ["--check", sealedFile], { encoding: "utf8" });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("No syntax or stream encoding errors found");
  });

  it("passes our verification with the claimed sealing time", async () => {
    expect(await verifySealedPdf(sealed, await trustedSealCertificates())).toMatchObject({
      status: "valid",
      signingTime: sealedAt,
      subFilter: "ETSI.CAdES.detached",
    });
  });

  it("fails pdfsig and our verification after one changed byte", async () => {
    const tampered = Buffer.from(sealed);
    // The page streams are compressed; the Info dictionary is plain text, inside the signed range:
    // its "/Title" key becomes "/title".
    const at = tampered.indexOf("/Title");
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(tampered.indexOf("/ByteRange"));
    tampered[at + 1] = "t".charCodeAt(0);
    const output = pdfsig(writeCopy("one-byte.pdf", tampered));
    expect(output).not.toContain("Signature is Valid.");
    expect(output).toContain("Digest Mismatch");
    expect(await verifySealedPdf(tampered, await trustedSealCertificates())).toEqual({
      status: "invalid",
      reason: "digest-mismatch",
    });
  });

  it("is no longer 'total document signed' for pdfsig, and is modified for us, when bytes are appended", async () => {
    const appended = Buffer.concat([Buffer.from(sealed), Buffer.from("\n%%EOF\n")]);
    const output = pdfsig(writeCopy("appended.pdf", appended));
    expect(output).not.toContain("Total document signed");
    expect(await verifySealedPdf(appended, await trustedSealCertificates())).toEqual({
      status: "invalid",
      reason: "modified-after-sealing",
    });
  });
});
