import { spawnSync, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { db } from "../db.server";
import { createService } from "../services/services.server";
import { createOrganization } from "../testing/catalogue-fixtures.server";
import { rejection, testRequest, uniqueSiret } from "../testing/organization-fixtures.server";
import { testSignaturePng, toDataUrl } from "../testing/test-png";
import { DAY_MS } from "../vocabulary";
import { attestationFile, attestationPage, createAttestation, updateAttestation } from "./attestations.server";
import { runAttestationReminders } from "./reminders.server";
import { copyLinkDocument, copyLinkPage } from "./signed-copy.server";
import { cancelClientLink, declineAsClient, resendClientLink, sendForSignature, signAsClient, signAsEditor, signingLinkPage } from "./signing.server";
import { encodeSigningToken, hashSigningToken } from "./signing-link";

// Several client signatories (issue 27): order, per-signatory links, refusal, the seal over every signature, the
// signed copy for each client signatory, and attestations frozen before the change.

const dir = mkdtempSync(path.join(tmpdir(), "attestation-signatories-int-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signature = toDataUrl(testSignaturePng());
const clientRequest = { ip: "203.0.113.78", userAgent: "Mozilla/5.0 (Client) Firefox/140.0" };
const sign = (token: string, name: string) => signAsClient(token, { signerName: name, signerFunction: "Médecin", consent: true, signature }, clientRequest);

async function setting() {
  const org = await createOrganization("Éditeur Multi SAS");
  const profile = (await listActiveAccessProfiles()).find((p) => p.code === "1")!;
  const { serviceId } = await createService(
    org.member,
    org.organizationId,
    {
      name: "Coordination Ville-Hôpital",
      softwareName: "Coordo",
      softwareVersion: "2.0",
      description: "Coordination des soins.",
      purposes: ["COORDINATION"],
      users: "Les coordinateurs.",
      requestedProfileId: profile.id,
      profileJustification: "Numéros directs.",
      apis: ["FHIR"],
    },
    testRequest,
  );
  return { ...org, serviceId };
}

const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;

function form(legalRepresentativeId: string, signatories: { lastName: string; firstName: string; function: string; email: string }[], signingOrder: "PARALLEL" | "ORDERED") {
  const [first, ...others] = signatories;
  return {
    clientName: "Groupement Hospitalier des Cévennes",
    clientAddress: "1 avenue de l'Hôpital\n30100 Alès",
    clientSignatoryLastName: first?.lastName ?? "",
    clientSignatoryFirstName: first?.firstName ?? "",
    clientSignatoryFunction: first?.function ?? "",
    clientSiret: uniqueSiret(),
    clientSignatoryEmail: first?.email ?? "",
    editorLegalRepresentativeId: legalRepresentativeId,
    orderSignedOn: "2026-01-15",
    softwareVersion: "2.0",
    place: "Alès",
    additionalClientSignatories: others,
    signingOrder,
  };
}

function people(n: number) {
  const id = stamp();
  return Array.from({ length: n }, (_, i) => ({ lastName: `Signataire${i + 1}`, firstName: ["Zoé", "Loïc", "Anaïs", "Benoît"][i % 4]!, function: `Fonction ${i + 1}`, email: `s${i + 1}.${id}@clinique.example` }));
}

/** The signing link mailed to an address (the newest one). */
async function mailedToken(to: string, kind = "attestation_signature_request"): Promise<string | null> {
  const mail = await db().outboxMessage.findFirst({ where: { to, kind }, orderBy: { createdAt: "desc" } });
  return mail?.text.match(/\/signature\/(?:copie\/)?([A-Za-z0-9_-]{43})/)?.[1] ?? null;
}

async function sent(n: number, order: "PARALLEL" | "ORDERED") {
  const s = await setting();
  const signatories = people(n);
  const { attestationId } = await createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, signatories, order), testRequest);
  const page = await attestationPage(s.member, attestationId);
  const result = await sendForSignature(s.member, attestationId, page.attestation.version, testRequest);
  return { ...s, signatories, attestationId, ...result };
}

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe("three client signatories in order", () => {
  it("invites each after the previous one, refuses a signature out of turn, seals over every signature and mails each a copy", async () => {
    const s = await sent(3, "ORDERED");
    expect(s.tokens).toHaveLength(1);
    expect(await mailedToken(s.signatories[0]!.email)).toBe(s.token);
    expect(await mailedToken(s.signatories[1]!.email)).toBeNull();
    const rows = await db().attestationSignature.findMany({ where: { attestationId: s.attestationId, party: "CLIENT" }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.position, r.tokenHash !== null, r.invitedAt !== null])).toEqual([
      [0, true, true],
      [1, false, false],
      [2, false, false],
    ]);

    // A forged link for the second signatory (a token put on their row) is refused before the first has signed.
    const forged = encodeSigningToken(new Uint8Array(32).fill(7));
    await db().attestationSignature.update({ where: { id: rows[1]!.id }, data: { tokenHash: hashSigningToken(forged), expiresAt: new Date(Date.now() + DAY_MS) } });
    const before = await db().attestationSignature.count({ where: { attestationId: s.attestationId, status: "SIGNED" } });
    expect(await rejection(sign(forged, "Loïc Signataire2"))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("pas encore votre tour") });
    expect(await rejection(declineAsClient(forged, { reason: "Trop tôt" }, clientRequest))).toMatchObject({ code: "CONFLICT" });
    expect(await db().attestationSignature.count({ where: { attestationId: s.attestationId, status: "SIGNED" } })).toBe(before);
    await db().attestationSignature.update({ where: { id: rows[1]!.id }, data: { tokenHash: null, expiresAt: null } });
    // Nor may the editor send them a link before their turn.
    expect(await rejection(resendClientLink(s.member, s.attestationId, testRequest, new Date(), rows[1]!.id))).toMatchObject({ code: "CONFLICT" });

    const first = await sign(s.token, "Zoé Signataire1");
    expect(first).toMatchObject({ complete: false, invitedTokens: [expect.any(String)] });
    const second = await mailedToken(s.signatories[1]!.email);
    expect(second).toBe(first.invitedTokens[0]);
    expect(await mailedToken(s.signatories[2]!.email)).toBeNull();
    expect(await signingLinkPage(second!)).toMatchObject({ state: "valid", signerName: "Loïc Signataire2" });
    expect(await db().event.count({ where: { name: "attestation.signatory_invited", subjectId: s.attestationId } })).toBe(1);

    await sign(second!, "Loïc Signataire2");
    const third = await mailedToken(s.signatories[2]!.email);
    expect(third).not.toBeNull();
    const last = await sign(third!, "Anaïs Signataire3");
    expect(last.complete).toBe(false); // the legal representative is left
    const done = await signAsEditor(s.legalRepresentative, s.attestationId, { signerName: "Représentante de Éditeur Multi SAS", signerFunction: "Présidente", consent: true, signature }, testRequest);
    expect(done.complete).toBe(true);

    const stored = await db().attestation.findUniqueOrThrow({ where: { id: s.attestationId } });
    expect(stored.status).toBe("SEALED");
    const sealed = await attestationFile(s.member, s.attestationId, "sealed");
    const file = path.join(dir, "three.pdf");
    writeFileSync(file, sealed.content);
    const pdfsig = run("pdfsig", [file]);
    expect(pdfsig.output).toContain("Signature Validation: Signature is Valid.");
    expect(pdfsig.output).toContain("Total document signed");
    expect(run("qpdf", ["--check", file]).status).toBe(0);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of ["Zoé Signataire1", "Loïc Signataire2", "Anaïs Signataire3", "Pour le client (commanditaire 3 sur 3)", "Pour l'éditeur (responsable légal)", ...s.signatories.map((p) => p.email)]) {
      expect(text).toContain(expected);
    }

    // Each client signatory has a personal copy link, bound to them, 30 days.
    const copies = await Promise.all(s.signatories.map((p) => mailedToken(p.email, "attestation_sealed")));
    expect(new Set(copies).size).toBe(3);
    expect(await db().attestationCopyLink.count({ where: { attestationId: s.attestationId } })).toBe(3);
    for (const [i, token] of copies.entries()) {
      expect(await copyLinkPage(token!)).toMatchObject({ state: "valid", signerName: s.signatories[i]!.firstName + " " + s.signatories[i]!.lastName, sealedSha256: stored.sealedSha256 });
      expect((await copyLinkDocument(token!))?.sha256).toBe(stored.sealedSha256);
      const link = await db().attestationCopyLink.findUniqueOrThrow({ where: { tokenHash: createHash("sha256").update(token!).digest("hex") } });
      expect(JSON.stringify(link)).not.toContain(token!);
    }
    const after30Days = new Date(Date.now() + 30 * DAY_MS + 60_000);
    expect(await copyLinkPage(copies[0]!, after30Days)).toEqual({ state: "expired" });
    expect(await copyLinkDocument(copies[0]!, after30Days)).toBeNull();
    expect(await copyLinkPage("x".repeat(43))).toEqual({ state: "unknown" });
    expect(await copyLinkPage("not a token")).toEqual({ state: "unknown" });
    // A signing token is no copy link, and a copy token no signing link.
    expect(await copyLinkPage(s.token)).toEqual({ state: "unknown" });
    expect(await signingLinkPage(copies[1]!)).toEqual({ state: "unknown" });
    // The legal representative and the members get the page, not a copy link.
    const memberMail = await db().outboxMessage.findFirstOrThrow({ where: { to: s.member.email, kind: "attestation_sealed" } });
    expect(memberMail.text).not.toContain("/signature/copie/");
  });
});

describe("reminders per signatory", () => {
  it("count a later signatory's days from their own invitation", async () => {
    const s = await setting();
    const signatories = people(2);
    const t0 = new Date(Date.now() - 20 * DAY_MS);
    const { attestationId } = await createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, signatories, "ORDERED"), testRequest, t0);
    const page = await attestationPage(s.member, attestationId);
    const { token } = await sendForSignature(s.member, attestationId, page.attestation.version, testRequest, t0);
    const day = (n: number, hours = 0) => new Date(t0.getTime() + n * DAY_MS + hours * 3_600_000);
    await signAsClient(token, { signerName: "Zoé Signataire1", signerFunction: "Médecin", consent: true, signature }, clientRequest, day(5));
    const reminded = (to: string) => db().outboxMessage.count({ where: { to, kind: "attestation_signature_reminder" } });
    // Day 7 of the round is day 2 of the second signatory's link: nothing yet.
    await runAttestationReminders(day(7));
    expect(await reminded(signatories[1]!.email)).toBe(0);
    // Day 8 of the round is day 3 of their link.
    await runAttestationReminders(day(8, 1));
    expect(await reminded(signatories[1]!.email)).toBe(1);
    expect(await reminded(signatories[0]!.email)).toBe(0);
  });
});

describe("parallel signing", () => {
  it("sends every link at once; cancel and resend work per signatory; the seal waits for every signature", async () => {
    const s = await sent(2, "PARALLEL");
    expect(s.tokens).toHaveLength(2);
    const rows = await db().attestationSignature.findMany({ where: { attestationId: s.attestationId, party: "CLIENT" }, orderBy: { position: "asc" } });

    // Cancel the second one's link: it dies, they are told, and the round still waits for them.
    await cancelClientLink(s.member, s.attestationId, rows[1]!.id, testRequest);
    expect(await signingLinkPage(s.tokens[1]!)).toEqual({ state: "cancelled" });
    expect(await db().outboxMessage.count({ where: { to: s.signatories[1]!.email, kind: "attestation_signature_cancelled" } })).toBe(1);
    await sign(s.tokens[0]!, "Zoé Signataire1");
    const editor = await signAsEditor(s.legalRepresentative, s.attestationId, { signerName: "Représentante", signerFunction: "Présidente", consent: true, signature }, testRequest);
    expect(editor.complete).toBe(false);
    expect((await db().attestation.findUniqueOrThrow({ where: { id: s.attestationId } })).status).toBe("AWAITING_SIGNATURES");

    // The editor sends them a new link, which works; then the seal is made.
    const page = await attestationPage(s.member, s.attestationId);
    const waiting = page.round!.signatures.find((x) => x.party === "CLIENT" && x.status === "PENDING")!;
    expect(waiting).toMatchObject({ resend: true, cancelLink: false });
    const { token } = await resendClientLink(s.member, s.attestationId, testRequest, new Date(), waiting.id);
    expect(await rejection(cancelClientLink(s.member, s.attestationId, rows[0]!.id, testRequest))).toMatchObject({ code: "CONFLICT" });
    const last = await sign(token, "Loïc Signataire2");
    expect(last.complete).toBe(true);
    expect((await db().attestation.findUniqueOrThrow({ where: { id: s.attestationId } })).status).toBe("SEALED");
  });

  it("stops the round at one refusal: the other links die and the editor is told who and why", async () => {
    const s = await sent(3, "PARALLEL");
    await sign(s.tokens[0]!, "Zoé Signataire1");
    await declineAsClient(s.tokens[1]!, { reason: "La version logicielle est erronée." }, clientRequest);
    expect((await db().attestation.findUniqueOrThrow({ where: { id: s.attestationId } })).status).toBe("DECLINED");
    expect(await signingLinkPage(s.tokens[2]!)).toEqual({ state: "cancelled" });
    expect(await rejection(sign(s.tokens[2]!, "Anaïs Signataire3"))).toMatchObject({ code: "CONFLICT" });
    expect(await db().outboxMessage.count({ where: { to: s.signatories[2]!.email, kind: "attestation_signature_cancelled" } })).toBe(1);
    const told = await db().outboxMessage.findFirstOrThrow({ where: { to: s.member.email, kind: "attestation_declined" } });
    expect(told.text).toContain("Loïc Signataire2");
    expect(told.text).toContain("La version logicielle est erronée.");
  });
});

describe("bad input stores nothing", () => {
  it("refuses eleven signatories, the same e-mail twice, and sending with no signatory", async () => {
    const s = await setting();
    const count = () => db().attestation.count({ where: { serviceId: s.serviceId } });
    expect(await rejection(createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, people(11), "PARALLEL"), testRequest))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { additionalClientSignatories: "Une attestation compte 10 signataires du client au plus." },
    });
    const twice = people(2);
    twice[1]!.email = twice[0]!.email.toUpperCase();
    expect(await rejection(createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, twice, "PARALLEL"), testRequest))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "additionalClientSignatories.0.email": "Cette adresse électronique est déjà celle d'un autre signataire du client." },
    });
    expect(await rejection(createAttestation(s.member, s.serviceId, { ...form(s.legalRepresentative.userId, people(1), "PARALLEL"), signingOrder: "RANDOM" }, testRequest))).toMatchObject({ code: "VALIDATION" });
    expect(await count()).toBe(0);

    // No signatory at all: a draft, but it cannot be sent.
    const { attestationId } = await createAttestation(s.member, s.serviceId, form(s.legalRepresentative.userId, [], "PARALLEL"), testRequest);
    const page = await attestationPage(s.member, attestationId);
    expect(await rejection(sendForSignature(s.member, attestationId, page.attestation.version, testRequest))).toMatchObject({ code: "VALIDATION", fieldErrors: { clientSignatoryEmail: expect.any(String) } });
    expect(await db().attestationRound.count({ where: { attestationId } })).toBe(0);
    // An incomplete second signatory blocks sending too, with the field named.
    const incomplete = [...people(1), { lastName: "Sans", firstName: "Adresse", function: "Médecin", email: "" }];
    await updateAttestation(s.member, attestationId, { ...form(s.legalRepresentative.userId, incomplete, "ORDERED"), version: page.attestation.version }, testRequest);
    const edited = await attestationPage(s.member, attestationId);
    expect(edited.attestation.signatories).toHaveLength(2);
    expect(edited.attestation.signingOrder).toBe("ORDERED");
    expect(edited.missing).toEqual({ "additionalClientSignatories.0.email": "Saisissez l'adresse électronique de ce signataire." });
    expect(await rejection(sendForSignature(s.member, attestationId, edited.attestation.version, testRequest))).toMatchObject({ code: "VALIDATION" });
  });
});

describe("attestations from before several signatories", () => {
  it("a round frozen with one client signatory and no position still signs and seals", async () => {
    const s = await sent(1, "PARALLEL");
    const round = await db().attestationRound.findFirstOrThrow({ where: { attestationId: s.attestationId } });
    // Content as frozen by the previous release: no list of signatories, no order.
    const legacy = { ...(round.content as Record<string, unknown>) };
    delete legacy.clientSignatories;
    delete legacy.signingOrder;
    await db().attestationRound.update({ where: { id: round.id }, data: { content: legacy as object } });
    await db().attestationSignature.updateMany({ where: { attestationId: s.attestationId, party: "CLIENT" }, data: { position: null, invitedAt: null } });
    await db().attestation.update({ where: { id: s.attestationId }, data: { additionalClientSignatories: [] } });
    await sign(s.token, "Zoé Signataire1");
    await signAsEditor(s.legalRepresentative, s.attestationId, { signerName: "Représentante", signerFunction: "Présidente", consent: true, signature }, testRequest);
    expect((await db().attestation.findUniqueOrThrow({ where: { id: s.attestationId } })).status).toBe("SEALED");
    const page = await attestationPage(s.member, s.attestationId);
    expect(page.attestation.signatories).toHaveLength(1);
    expect(await mailedToken(s.signatories[0]!.email, "attestation_sealed")).not.toBeNull();
  });
});
