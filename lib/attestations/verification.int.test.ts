// The public verification against a real register: a sealed attestation is recognised with its parties, signers
// and dates; a modified copy, a foreign signature, a portal-sealed PDF that is not a registered attestation and a
// non-PDF are refused, and nothing is ever written.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { createOrganization } from "../catalogue/test-fixtures.server";
import { db } from "../db.server";
import { rejection, testRequest, uniqueSiret } from "../organizations/test-fixtures.server";
import { createService } from "../services/services.server";
import { attestationFile, attestationPage, createAttestation } from "./attestations.server";
import { generatePlatformSealCertificate } from "./platform-seal-certificate";
import { platformSealCredentials } from "./platform-seal.server";
import { sealPdf } from "./seal";
import { sendForSignature, signAsClient, signAsEditor } from "./signing.server";
import { testSignaturePng, toDataUrl } from "./test-png";
import { verifyAttestationUpload } from "./verification.server";
import { MAX_VERIFICATION_BYTES } from "./verification-result";

const signature = toDataUrl(testSignaturePng());

async function sealedAttestation() {
  const org = await createOrganization("Éditeur Vérifié SAS");
  const profile = (await listActiveAccessProfiles()).find((p) => p.code === "1")!;
  const { serviceId } = await createService(
    org.member,
    org.organizationId,
    {
      name: "Régulation Sûre",
      softwareName: "Régul'",
      softwareVersion: "7.0",
      description: "Aide à la régulation.",
      purposes: ["REGULATION"],
      users: "Les régulateurs.",
      requestedProfileId: profile.id,
      profileJustification: "Lits disponibles.",
      apis: ["FHIR"],
    },
    testRequest,
  );
  const { attestationId } = await createAttestation(
    org.member,
    serviceId,
    {
      clientName: "Hôpital Saint-Éloi",
      clientAddress: "3 place du Marché\n34000 Montpellier",
      clientSignatoryLastName: "Noël",
      clientSignatoryFirstName: "Anaïs",
      clientSignatoryFunction: "Directrice générale",
      clientSiret: uniqueSiret(),
      clientSignatoryEmail: "anais.noel@hopital.example",
      editorLegalRepresentativeId: org.legalRepresentative.userId,
      orderSignedOn: "2026-01-10",
      softwareVersion: "7.0",
      place: "Montpellier",
    },
    testRequest,
  );
  const page = await attestationPage(org.member, attestationId);
  const { token } = await sendForSignature(org.member, attestationId, page.attestation.version, testRequest);
  await signAsClient(token, { signerName: "Anaïs Noël", signerFunction: "Directrice générale", consent: true, signature }, testRequest);
  await signAsEditor(org.legalRepresentative, attestationId, { signerName: "Jean Éditeur", signerFunction: "Président", consent: true, signature }, testRequest);
  const file = await attestationFile(org.legalRepresentative, attestationId, "sealed");
  return { attestationId, bytes: new Uint8Array(file.content) };
}

function pdfFile(bytes: Uint8Array, name = "attestation.pdf"): File {
  return new File([Uint8Array.from(bytes)], name, { type: "application/pdf" });
}

async function writes() {
  const [events, files, attestations, mails] = await Promise.all([
    db().event.count(),
    db().storedFile.count(),
    db().attestation.count(),
    db().outboxMessage.count(),
  ]);
  return { events, files, attestations, mails };
}

describe("verifyAttestationUpload", () => {
  it("recognises a sealed attestation, and refuses its modified copies, without writing anything", async () => {
    const { attestationId, bytes } = await sealedAttestation();
    const stored = await db().attestation.findUniqueOrThrow({ where: { id: attestationId } });
    const before = await writes();

    const result = await verifyAttestationUpload(pdfFile(bytes));
    expect(result).toMatchObject({
      authentic: true,
      clientName: "Hôpital Saint-Éloi",
      editorName: "Éditeur Vérifié SAS",
      serviceName: "Régulation Sûre",
      softwareVersion: "7.0",
      sealedAt: stored.sealedAt!.toISOString(),
      sha256: stored.sealedSha256,
    });
    if (!result.authentic) throw new Error("not authentic");
    expect(result.signers.map(({ party, name, function: role }) => ({ party, name, role }))).toEqual([
      { party: "CLIENT", name: "Anaïs Noël", role: "Directrice générale" },
      { party: "EDITOR", name: "Jean Éditeur", role: "Président" },
    ]);
    for (const signer of result.signers) expect(Date.parse(signer.signedAt)).toBeLessThanOrEqual(stored.sealedAt!.getTime());

    const oneByte = Uint8Array.from(bytes);
    const at = Buffer.from(oneByte).indexOf("/Title"); // "/Title" becomes "/title": one byte, inside the signed range
    expect(at).toBeGreaterThan(0);
    oneByte[at + 1] = "t".charCodeAt(0);
    expect(await verifyAttestationUpload(pdfFile(oneByte))).toMatchObject({ authentic: false, reason: "modified" });

    const appended = new Uint8Array([...bytes, ...Buffer.from("\n% une ligne de plus\n")]);
    const appendedResult = await verifyAttestationUpload(pdfFile(appended));
    expect(appendedResult).toMatchObject({ authentic: false, reason: "modified" });
    if (appendedResult.authentic) throw new Error("authentic");
    expect(appendedResult.message).toMatch(/modifié après son scellement/);
    // A refusal says nothing about the register's documents.
    expect(JSON.stringify(appendedResult)).not.toContain("Saint-Éloi");

    expect(await writes()).toEqual(before);
  });

  it("refuses a PDF sealed with the portal's certificate that is not a registered attestation", async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const forged = await sealPdf(await document.save(), await platformSealCredentials(), {
      signingTime: new Date("2026-02-01T00:00:00Z"),
      reason: "Essai",
      location: "Ailleurs",
      name: "Portail",
    });
    expect(await verifyAttestationUpload(pdfFile(forged))).toMatchObject({ authentic: false, reason: "unknown-document" });
  });

  it("refuses a PDF signed by another certificate, and an unsigned PDF", async () => {
    const other = await generatePlatformSealCertificate({ now: new Date("2026-01-01T00:00:00Z"), passphrase: "x", modulusLength: 2048 });
    const document = await PDFDocument.create();
    document.addPage();
    const unsigned = await document.save();
    const foreign = await sealPdf(unsigned, { p12: other.p12, passphrase: "x" }, {
      signingTime: new Date("2026-02-01T00:00:00Z"),
      reason: "Essai",
      location: "Ailleurs",
      name: "Un autre",
    });
    expect(await verifyAttestationUpload(pdfFile(foreign))).toMatchObject({ authentic: false, reason: "unknown-signer" });
    expect(await verifyAttestationUpload(pdfFile(unsigned))).toMatchObject({ authentic: false, reason: "no-seal" });
  });

  it("puts a clear message on the file field for a missing, empty, non-PDF or oversized file", async () => {
    const field = async (file: unknown) => (await rejection(verifyAttestationUpload(file))).fieldErrors.attestationFile;
    expect(await field(null)).toMatch(/Choisissez le fichier PDF/);
    expect(await field(new File([], ""))).toMatch(/Choisissez le fichier PDF/);
    expect(await field(new File([], "vide.pdf"))).toMatch(/vide/);
    expect(await field(new File(["<html>bonjour</html>"], "page.pdf"))).toMatch(/n'est pas un PDF/);
    // Refused on its declared size, before its content is read.
    const huge = new File([new Uint8Array(MAX_VERIFICATION_BYTES + 1)], "gros.pdf");
    huge.arrayBuffer = () => Promise.reject(new Error("must not be read"));
    expect(await field(huge)).toMatch(/dépasse 10 Mio/);
  });
});
