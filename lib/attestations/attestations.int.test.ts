import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/permissions";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { createOrganization, createPerson } from "../testing/catalogue-fixtures.server";
import { db } from "../db.server";
import { rejection, testRequest, uniqueSiret } from "../testing/organization-fixtures.server";
import { createService, servicePage } from "../services/services.server";
import { attestationFile, attestationPage, attestationPreview, createAttestation, serviceAttestations, updateAttestation } from "./attestations.server";
import { cancelAttestation, cancelSigningRound, declineAsClient, resendClientLink, sendForSignature, signAsClient, signAsEditor, signingLinkDocument, signingLinkPage } from "./signing.server";
import { testSignaturePng, toDataUrl, encodeTestPng } from "../testing/test-png";

const dir = mkdtempSync(path.join(tmpdir(), "attestation-int-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signature = toDataUrl(testSignaturePng());
const clientRequest = { ip: "203.0.113.77", userAgent: "Mozilla/5.0 (Client; Linux) Firefox/140.0" };
const editorRequest = { ip: "198.51.100.5", userAgent: "Mozilla/5.0 (Éditeur) Chrome/140.0" };

async function setting() {
  const org = await createOrganization("Santé Éditeur SAS");
  const profile = (await listActiveAccessProfiles()).find((p) => p.code === "1")!;
  const { serviceId } = await createService(
    org.member,
    org.organizationId,
    {
      name: "Orientation Œil",
      softwareName: "Orienté Soins",
      softwareVersion: "4.2.1",
      description: "Aide à l'orientation.",
      purposes: ["ORIENTATION"],
      users: "Les régulateurs.",
      requestedProfileId: profile.id,
      profileJustification: "Numéros directs.",
      apis: ["FHIR"],
    },
    testRequest,
  );
  return { ...org, serviceId };
}

function form(legalRepresentativeId: string, overrides: Record<string, string> = {}) {
  return {
    clientName: "Clinique Sainte-Hélène",
    clientAddress: "12 rue de l'Église\n30100 Alès",
    clientSignatoryLastName: "Lefèvre",
    clientSignatoryFirstName: "Zoé",
    clientSignatoryFunction: "Directrice générale",
    clientSiret: uniqueSiret(),
    clientSignatoryEmail: "zoe.lefevre@clinique.example",
    editorLegalRepresentativeId: legalRepresentativeId,
    orderSignedOn: "2026-01-15",
    softwareVersion: "4.2.1",
    place: "Alès",
    ...overrides,
  };
}

async function sentAttestation() {
  const s = await setting();
  const { attestationId } = await createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId), testRequest);
  const page = await attestationPage(s.member, attestationId);
  const sent = await sendForSignature(s.member, attestationId, page.attestation.version, testRequest);
  return { ...s, attestationId, ...sent };
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function counts() {
  const [attestations, signatures, files, events, mails] = await Promise.all([
    db().attestation.count(),
    db().attestationSignature.count(),
    db().storedFile.count(),
    db().event.count(),
    db().outboxMessage.count(),
  ]);
  return { attestations, signatures, files, events, mails };
}

describe("the whole ceremony", () => {
  it("goes from draft to a sealed PDF stored with its SHA-256, which pdfsig and qpdf accept", async () => {
    const s = await setting();
    // A draft may be incomplete.
    const { attestationId } = await createAttestation(s.member, s.serviceId, { ...form("", { place: "", clientSiret: "" }) }, testRequest);
    let page = await attestationPage(s.member, attestationId);
    expect(page.attestation.status).toBe("DRAFT");
    expect(Object.keys(page.missing)).toEqual(["clientSiret", "editorLegalRepresentativeId", "place"]);
    expect(await rejection(sendForSignature(s.member, attestationId, page.attestation.version, testRequest))).toMatchObject({ code: "VALIDATION" });

    await updateAttestation(s.member, attestationId, { ...form(s.legalRepresentative.userId), version: page.attestation.version }, testRequest);
    page = await attestationPage(s.member, attestationId);
    expect(page.missing).toEqual({});
    const preview = await attestationPreview(s.member, attestationId);
    expect(Buffer.from(preview.content.subarray(0, 5)).toString()).toBe("%PDF-");

    const { token, sentSha256 } = await sendForSignature(s.member, attestationId, page.attestation.version, testRequest);
    page = await attestationPage(s.member, attestationId);
    expect(page.attestation.status).toBe("AWAITING_SIGNATURES");
    expect(page.round?.content).toMatchObject({ editorName: "Santé Éditeur SAS", editorLegalRepresentativeName: s.legalRepresentative.userId ? "Représentante de Santé Éditeur SAS" : "" });
    const sent = await attestationFile(s.member, attestationId, "sent");
    expect(createHash("sha256").update(sent.content).digest("hex")).toBe(sentSha256);

    // Only the hash of the token is stored; the e-mail carries the link.
    const clientSignature = await db().attestationSignature.findFirstOrThrow({ where: { attestationId, party: "CLIENT" } });
    expect(clientSignature.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(clientSignature)).not.toContain(token);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: "zoe.lefevre@clinique.example", kind: "attestation_signature_request" } });
    expect(mail.text).toContain(`/signature/${token}`);
    expect(await db().outboxMessage.count({ where: { to: s.legalRepresentative.email, kind: "attestation_signature_request_editor" } })).toBe(1);

    const view = await signingLinkPage(token);
    expect(view).toMatchObject({ state: "valid", signerName: "Zoé Lefèvre", content: { clientName: "Clinique Sainte-Hélène" } });
    expect((await signingLinkDocument(token))?.sha256).toBe(sentSha256);

    const first = await signAsClient(token, { signerName: "Zoé Lefèvre", signerFunction: "Directrice générale", consent: true, signature }, clientRequest);
    expect(first.complete).toBe(false);
    expect(await signingLinkPage(token)).toEqual({ state: "used" });
    expect(await signingLinkDocument(token)).toBeNull();
    expect(await db().outboxMessage.count({ where: { kind: "attestation_signed", to: s.member.email } })).toBe(1);

    const second = await signAsEditor(s.legalRepresentative, attestationId, { signerName: "Représentante de Santé Éditeur SAS", signerFunction: "Présidente", consent: true, signature }, editorRequest);
    expect(second.complete).toBe(true);

    const stored = await db().attestation.findUniqueOrThrow({ where: { id: attestationId }, include: { sealedFile: true } });
    expect(stored.status).toBe("SEALED");
    expect(stored.sealedFile!.fileName).toMatch(/^Attestation client - Clinique Sainte-Hélène - \d{4}-\d{2}-\d{2}\.pdf$/);
    expect(stored.sealedSha256).toBe(createHash("sha256").update(stored.sealedFile!.content).digest("hex"));
    expect(stored.sealedAt).not.toBeNull();
    expect(await db().event.count({ where: { name: "attestation.sealed", subjectId: attestationId } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { kind: "attestation_sealed" } })).toBeGreaterThanOrEqual(3);

    const sealed = await attestationFile(s.legalRepresentative, attestationId, "sealed");
    const file = path.join(dir, "sealed.pdf");
    writeFileSync(file, sealed.content);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of ["Certificat de signature", sentSha256, "203.0.113.77", "Mozilla/5.0 (Éditeur) Chrome/140.0", "Présidente", "zoe.lefevre@clinique.example"]) expect(text).toContain(expected);
    const pdfsig = run("pdfsig", [file]);
    expect(pdfsig.output).toContain("Signature Validation: Signature is Valid.");
    expect(pdfsig.output).toContain("Total document signed");
    expect(run("qpdf", ["--check", file]).status).toBe(0);

    // One changed byte: pdfsig no longer validates it.
    const tampered = Buffer.from(sealed.content);
    const at = tampered.indexOf("/Title");
    expect(at).toBeGreaterThan(0);
    tampered[at + 1] = "t".charCodeAt(0);
    const tamperedFile = path.join(dir, "tampered.pdf");
    writeFileSync(tamperedFile, tampered);
    expect(run("pdfsig", [tamperedFile]).output).not.toContain("Signature is Valid.");

    // The service's completeness counts it; a reviewer may download it too.
    const servicePageData = await servicePage(s.member, s.serviceId);
    expect(servicePageData.completeness.find((i) => i.id === "attestation")).toMatchObject({ state: "done" });
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    expect((await attestationFile(reviewer, attestationId, "sealed")).sha256).toBe(stored.sealedSha256);
  });
});

describe("links", () => {
  it("work once, even when two requests race", async () => {
    const s = await sentAttestation();
    const attempt = () => signAsClient(s.token, { signerName: "Zoé Lefèvre", signerFunction: "DG", consent: true, signature }, clientRequest).then(() => "signed" as const, (e: unknown) => e);
    const results = await Promise.all([attempt(), attempt(), attempt()]);
    expect(results.filter((r) => r === "signed")).toHaveLength(1);
    expect(results.filter((r) => r !== "signed").every((e) => (e as { code?: string }).code === "CONFLICT")).toBe(true);
    expect(await db().attestationSignature.count({ where: { attestationId: s.attestationId, status: "SIGNED" } })).toBe(1);
    expect(await db().event.count({ where: { name: "attestation.signed", subjectId: s.attestationId } })).toBe(1);
  });

  it("expire after 14 days", async () => {
    const s = await sentAttestation();
    const later = new Date(Date.now() + 14 * 24 * 3600 * 1000 + 1000);
    expect(await signingLinkPage(s.token, later)).toEqual({ state: "expired" });
    expect(await rejection(signAsClient(s.token, { signerName: "Zoé", signerFunction: "DG", consent: true, signature }, clientRequest, later))).toMatchObject({ code: "CONFLICT", message: "Ce lien de signature a expiré." });
  });

  it("die when resent (the new one works) or cancelled; unknown tokens say so", async () => {
    const s = await sentAttestation();
    const { token: second } = await resendClientLink(s.member, s.attestationId, testRequest);
    expect(await signingLinkPage(s.token)).toEqual({ state: "cancelled" });
    expect(await signingLinkPage(second)).toMatchObject({ state: "valid" });
    expect(await rejection(signAsClient(s.token, { signerName: "Zoé", signerFunction: "DG", consent: true, signature }, clientRequest))).toMatchObject({ code: "CONFLICT" });
    await cancelSigningRound(s.member, s.attestationId, testRequest);
    expect(await signingLinkPage(second)).toEqual({ state: "cancelled" });
    const cancelled = await db().event.findFirstOrThrow({ where: { name: "attestation.round_cancelled", subjectId: s.attestationId } });
    expect(cancelled.payload).toMatchObject({ reason: "cancelled", cancelledSignatures: 2 });
    expect(await db().outboxMessage.count({ where: { to: "zoe.lefevre@clinique.example", kind: "attestation_signature_cancelled" } })).toBe(1);
    expect((await attestationPage(s.member, s.attestationId)).attestation.status).toBe("DRAFT");
    expect(await signingLinkPage("A".repeat(43))).toEqual({ state: "unknown" });
    expect(await signingLinkPage("../../etc")).toEqual({ state: "unknown" });
  });

  it("an edit after sending cancels pending signatures, even one already given, and needs a new round", async () => {
    const s = await sentAttestation();
    await signAsClient(s.token, { signerName: "Zoé Lefèvre", signerFunction: "DG", consent: true, signature }, clientRequest);
    const page = await attestationPage(s.member, s.attestationId);
    const values = page.attestation.values;
    const result = await updateAttestation(s.member, s.attestationId, { ...values, place: "Nîmes", version: page.attestation.version }, testRequest);
    expect(result).toEqual({ changed: true, cancelledRound: true });
    const cancelled = await db().event.findFirstOrThrow({ where: { name: "attestation.round_cancelled", subjectId: s.attestationId } });
    expect(cancelled.payload).toMatchObject({ reason: "edited", cancelledSignatures: 1 });
    const after = await attestationPage(s.member, s.attestationId);
    expect(after.attestation.status).toBe("DRAFT");
    expect(after.round?.open).toBe(false);
    expect(await rejection(signAsEditor(s.legalRepresentative, s.attestationId, { signerName: "R", signerFunction: "P", consent: true, signature }, editorRequest))).toMatchObject({ code: "CONFLICT" });
    const resent = await sendForSignature(s.member, s.attestationId, after.attestation.version, testRequest);
    expect(resent.sentSha256).not.toBe(s.sentSha256);
    expect((await attestationPage(s.member, s.attestationId)).round?.number).toBe(2);
  });

  it("a refusal tells the editor and closes the round", async () => {
    const s = await sentAttestation();
    await declineAsClient(s.token, { reason: "La date de commande est fausse." }, clientRequest);
    expect(await signingLinkPage(s.token)).toEqual({ state: "declined" });
    expect((await attestationPage(s.member, s.attestationId)).attestation.status).toBe("DECLINED");
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { kind: "attestation_declined", to: s.member.email } });
    expect(mail.text).toContain("La date de commande est fausse.");
  });
});

describe("bad input stores nothing", () => {
  it("refuses long, scripted, badly identified or future values", async () => {
    const s = await setting();
    const before = await counts();
    for (const [field, value] of [
      ["clientName", "x".repeat(10_000)],
      ["clientAddress", "<script>alert(1)</script>"],
      ["clientSiret", "73282932000075"],
      ["orderSignedOn", "2999-01-01"],
      ["clientSignatoryEmail", "pas une adresse"],
    ] as const) {
      const error = await rejection(createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, { [field]: value }), testRequest));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors[field]).toBeTruthy();
    }
    // A legal representative must be one of this organisation's.
    const error = await rejection(createAttestation(s.member, s.serviceId, form(s.member.userId), testRequest));
    expect(error.fieldErrors.editorLegalRepresentativeId).toMatch(/représentants légaux/);
    expect(await counts()).toEqual(before);
  });

  it("refuses an empty, oversize or non-image signature", async () => {
    const s = await sentAttestation();
    const before = await counts();
    for (const bad of [toDataUrl(encodeTestPng(300, 100, () => false)), `data:image/png;base64,${"A".repeat(600_000)}`, "data:image/svg+xml;base64,PHN2Zz4=", ""]) {
      const error = await rejection(signAsClient(s.token, { signerName: "Zoé", signerFunction: "DG", consent: true, signature: bad }, clientRequest));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors.signature).toBeTruthy();
    }
    const noConsent = await rejection(signAsClient(s.token, { signerName: "Zoé", signerFunction: "DG", consent: false, signature }, clientRequest));
    expect(noConsent.fieldErrors.consent).toBe("Cochez la déclaration pour signer.");
    expect(await counts()).toEqual(before);
    expect(await signingLinkPage(s.token)).toMatchObject({ state: "valid" });
  });

  it("keeps one attestation per client SIRET and service, until it is abandoned", async () => {
    const s = await setting();
    const siret = uniqueSiret();
    const { attestationId } = await createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, { clientSiret: siret }), testRequest);
    const error = await rejection(createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, { clientSiret: siret }), testRequest));
    expect(error.fieldErrors.clientSiret).toBe("Ce client a déjà une attestation pour ce service. Reprenez-la plutôt que d'en créer une autre.");
    await createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId), testRequest);
    await cancelAttestation(s.member, attestationId, testRequest);
    await createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, { clientSiret: siret }), testRequest);
    expect((await serviceAttestations(s.member, s.serviceId)).attestations.map((a) => a.status).sort()).toEqual(["CANCELLED", "DRAFT", "DRAFT"]);
  });

  it("refuses a stale version", async () => {
    const s = await setting();
    const { attestationId } = await createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId), testRequest);
    const page = await attestationPage(s.member, attestationId);
    await updateAttestation(s.member, attestationId, { ...page.attestation.values, place: "Lyon", version: page.attestation.version }, testRequest);
    const error = await rejection(updateAttestation(s.member, attestationId, { ...page.attestation.values, place: "Nice", version: page.attestation.version }, testRequest));
    expect(error.code).toBe("CONFLICT");
  });
});

describe("authorization", () => {
  it("hides an attestation from another organisation exactly like a missing one", async () => {
    const s = await sentAttestation();
    const other = await createOrganization("Autre Éditeur");
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const actor of [other.member, other.legalRepresentative] as Actor[]) {
      for (const call of [
        () => attestationPage(actor, s.attestationId),
        () => attestationFile(actor, s.attestationId, "sent"),
        () => attestationPreview(actor, s.attestationId),
        () => updateAttestation(actor, s.attestationId, { ...form(""), version: 1 }, testRequest),
        () => sendForSignature(actor, s.attestationId, 1, testRequest),
        () => resendClientLink(actor, s.attestationId, testRequest),
        () => signAsEditor(actor, s.attestationId, { signerName: "X", signerFunction: "Y", consent: true, signature }, editorRequest),
        () => serviceAttestations(actor, s.serviceId),
        () => createAttestation(actor, s.serviceId, form(""), testRequest),
      ]) {
        const error = await rejection(call());
        expect(error.code).toBe("NOT_FOUND");
      }
      const errorForMissing = await rejection(attestationPage(actor, missing));
      expect((await rejection(attestationPage(actor, s.attestationId))).message).toBe(errorForMissing.message);
    }
  });

  it("lets only the chosen legal representative sign for the editor", async () => {
    const s = await sentAttestation();
    const input = { signerName: "Membre", signerFunction: "Équipe", consent: true, signature };
    expect(await rejection(signAsEditor(s.member, s.attestationId, input, editorRequest))).toMatchObject({ code: "FORBIDDEN" });
    expect((await attestationPage(s.member, s.attestationId)).permissions.signAsEditor).toBe(false);
    expect((await attestationPage(s.legalRepresentative, s.attestationId)).permissions.signAsEditor).toBe(true);
    // Made legal representative in the session only: the database says otherwise.
    const forged: Actor = { ...s.member, memberships: [{ organizationId: s.organizationId, isLegalRepresentative: true }] };
    expect(await rejection(signAsEditor(forged, s.attestationId, input, editorRequest))).toMatchObject({ code: "FORBIDDEN" });
    // A reviewer reads but never signs nor manages.
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    expect((await attestationPage(reviewer, s.attestationId)).permissions).toMatchObject({ manage: false, signAsEditor: false });
    expect(await rejection(resendClientLink(reviewer, s.attestationId, testRequest))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().attestationSignature.count({ where: { attestationId: s.attestationId, status: "SIGNED" } })).toBe(0);
  });
});
