import "server-only";
import { recordEvent } from "../events/record.server";
import { portalLink } from "../portal-link.server";
import { systemActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { sha256Hex, storeFile } from "../files/stored-files.server";
import { queueMail } from "../mail/outbox.server";
import { randomBytes } from "node:crypto";
import { contentSignatories, parseAttestationContent, sealedFileName } from "./attestation-content";
import { lockAttestation, lockManagedAttestation, requireAttestationAccess } from "./attestations.server";
import { attestationMails } from "./mail-texts";
import { renderFinalAttestationPdf, type CertificateSigner, type SignatureMark } from "./pdf";
import { platformSealCredentials } from "./platform-seal.server";
import { sealPdf } from "./seal";
import { copyLinkExpiry, encodeSigningToken, hashSigningToken, SIGNING_TOKEN_BYTES } from "./signing-link";

// The last step: once both parties have signed, render the final PDF (both signatures and the certificate
// page), seal it with the platform's certificate, and store it. Retry-safe: it only acts on a SIGNED attestation
// without a sealed file, and the final write is conditional, so running it twice seals once.

export const SEAL_REASON = "Attestation de client (annexe 1 de la charte d'accès aux données du ROR) signée par les deux parties";

export async function sealAttestation(attestationId: string, now: Date = new Date()): Promise<{ sealed: boolean; sha256?: string }> {
  const attestation = await db().attestation.findUnique({
    where: { id: attestationId },
    select: {
      id: true,
      status: true,
      sealedFileId: true,
      organizationId: true,
      serviceId: true,
      rounds: {
        where: { closedAt: null },
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, content: true, sentSha256: true, sentAt: true, signatures: { where: { status: "SIGNED" } } },
      },
    },
  });
  const round = attestation?.rounds[0];
  if (!attestation || attestation.status !== "SIGNED" || attestation.sealedFileId || !round) return { sealed: false };
  const content = parseAttestationContent(round.content);
  // One signature per client signatory of the frozen content, in their order, and the legal representative's.
  const clients = round.signatures.filter((s) => s.party === "CLIENT").sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const editor = round.signatures.find((s) => s.party === "EDITOR");
  const expected = contentSignatories(content).length;
  const complete = (s: (typeof clients)[number] | undefined) => s !== undefined && s.image !== null && s.signedAt !== null;
  if (!editor || !complete(editor) || clients.length !== expected || !clients.every(complete)) return { sealed: false };
  if (new Set(clients.map((c) => c.position ?? 0)).size !== expected) return { sealed: false };

  type Signed = (typeof clients)[number];
  const mark = (s: Signed): SignatureMark => ({ image: new Uint8Array(s.image!), name: s.signerName, function: s.signerFunction, signedAt: s.signedAt! });
  const signer = (s: Signed): CertificateSigner => ({
    party: s.party,
    name: s.signerName,
    function: s.signerFunction,
    email: s.signerEmail,
    signedAt: s.signedAt!,
    ip: s.ip ?? "inconnue",
    userAgent: s.userAgent ?? "",
  });
  const finalPdf = await renderFinalAttestationPdf(content, { clients: clients.map(mark), editor: mark(editor) }, {
    sentSha256: round.sentSha256,
    sentAt: round.sentAt,
    signers: [...clients.map(signer), signer(editor)],
  });
  const sealed = await sealPdf(finalPdf, await platformSealCredentials(), {
    signingTime: now,
    reason: SEAL_REASON,
    location: "Portail d'adhésion à l'espace de confiance du ROR",
    name: "Portail d'adhésion à l'espace de confiance du ROR",
  });
  const sealedSha256 = sha256Hex(sealed);

  return db().$transaction(
    async (tx) => {
      await lockAttestation(tx, attestation.id);
      const current = await tx.attestation.findUniqueOrThrow({ where: { id: attestation.id }, select: { status: true, sealedFileId: true } });
      if (current.status !== "SIGNED" || current.sealedFileId) return { sealed: false };
      const file = await storeFile(tx, { fileName: sealedFileName(content.clientName, now), mediaType: "application/pdf", content: sealed, createdById: null });
      await tx.attestation.update({
        where: { id: attestation.id },
        data: { status: "SEALED", sealedFileId: file.id, sealedAt: now, sealedSha256, version: { increment: 1 } },
      });
      await tx.attestationRound.update({ where: { id: round.id }, data: { closedAt: now, closedReason: "sealed" } });
      const members = await tx.membership.findMany({
        where: { organizationId: attestation.organizationId, user: { status: "ACTIVE" } },
        select: { user: { select: { email: true } } },
      });
      // Each client signatory gets a personal 30-day link to the sealed PDF (only its hash is stored); the legal
      // representative and the organisation's members download it from the attestation's page.
      const copyExpiresAt = copyLinkExpiry(now);
      const clientMails = [];
      for (const c of clients) {
        const token = encodeSigningToken(randomBytes(SIGNING_TOKEN_BYTES));
        await tx.attestationCopyLink.create({
          data: { attestationId: attestation.id, signatureId: c.id, tokenHash: hashSigningToken(token), expiresAt: copyExpiresAt, createdAt: now },
        });
        clientMails.push({ to: c.signerEmail, ...attestationMails.sealed(content, { sealedSha256, forClient: true, link: portalLink(`/signature/copie/${token}`), copyExpiresAt }) });
      }
      const clientEmails = new Set(clients.map((c) => c.signerEmail));
      const pageLink = portalLink(`/editeur/services/${attestation.serviceId}/attestations/${attestation.id}`);
      const others = [...new Set([editor.signerEmail, ...members.map((m) => m.user.email)])].filter((to) => !clientEmails.has(to));
      await queueMail(tx, [...clientMails, ...others.map((to) => ({ to, ...attestationMails.sealed(content, { sealedSha256, forClient: false, link: pageLink }) }))]);
      await recordEvent(tx, {
        name: "attestation.sealed",
        actor: systemActor("attestation-seal"),
        organizationId: attestation.organizationId,
        subjectId: attestation.id,
        payload: { sealedFileId: file.id, sealedSha256, sentSha256: round.sentSha256, roundId: round.id, copyLinks: clients.length },
      });
      return { sealed: true, sha256: sealedSha256 };
    },
    { timeout: 20_000 },
  );
}

/** A member retries a seal that failed (the attestation stayed SIGNED). */
export async function retrySeal(actor: Actor, attestationId: unknown) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  await db().$transaction((tx) => lockManagedAttestation(tx, actor, access.id));
  const result = await sealAttestation(access.id);
  if (!result.sealed) {
    const status = (await db().attestation.findUniqueOrThrow({ where: { id: access.id }, select: { status: true } })).status;
    if (status !== "SEALED") throw new AppError("CONFLICT", "Le scellement n'a pas pu être fait. Réessayez dans un instant.");
  }
}
