import "server-only";
import { randomBytes } from "node:crypto";
import { portalLink } from "../portal-link.server";
import { recordEvent } from "../events/record.server";
import { ANONYMOUS, userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { readStoredFile, sha256Hex, storeFile } from "../files/stored-files.server";
import { queueMail } from "../mail/outbox.server";
import type { RequestContext } from "../request.server";
import { formatDate } from "../time";
import { fieldErrorsOf } from "../validation";
import { clientSignatoryName, parseAttestationContent, type AttestationContent } from "./attestation-content";
import { missingFields } from "./attestation-schema";
import { isSendable } from "./attestation-status";
import {
  ATTESTATION_NOT_FOUND,
  closeOpenRound,
  currentContent,
  formValuesOf,
  lockAttestation,
  lockManagedAttestation,
  MODIFIED_MEANWHILE,
  requireAttestationAccess,
} from "./attestations.server";
import { renderAttestationPdf } from "./pdf";
import { sealAttestation } from "./sealing.server";
import { signatureFromDataUrl } from "./signature-image";
import {
  encodeSigningToken,
  hashSigningToken,
  isWellFormedSigningToken,
  SIGNING_TOKEN_BYTES,
  signingLinkExpiry,
  signingLinkState,
  type SigningLinkState,
} from "./signing-link";
import { declineReasonSchema, signSchema } from "./signing-schema";

// The signing ceremony: send (freeze the content, store the PDF as sent), the client's single-use link, the
// legal representative's signature from their account, refusals, resend and cancellation.

const INVALID_FORM = "Le formulaire contient des erreurs.";
const NOT_SENDABLE = "Cette attestation ne peut pas être envoyée pour signature dans son état actuel.";
const INCOMPLETE = "L'attestation est incomplète : complétez-la avant de l'envoyer pour signature.";
const NO_OPEN_ROUND = "Aucune demande de signature n'est en cours pour cette attestation.";
const EDITOR_SIGNATURE_NOT_FOUND = "Aucune signature ne vous est demandée sur cette attestation.";

/** One line, at most 200 characters: what a mail subject may hold. */
function subjectLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

const attestationLink = (serviceId: string, attestationId: string) => portalLink(`/editeur/services/${serviceId}/attestations/${attestationId}`);

function newClientToken(now: Date) {
  const token = encodeSigningToken(randomBytes(SIGNING_TOKEN_BYTES));
  return { token, tokenHash: hashSigningToken(token), expiresAt: signingLinkExpiry(now) };
}

function clientMail(content: AttestationContent, token: string, expiresAt: Date, resent: boolean) {
  return {
    to: content.clientSignatoryEmail,
    kind: "attestation_signature_request",
    subject: subjectLine(`${resent ? "Nouveau lien : " : ""}attestation de client à signer pour ${content.editorName}`),
    text: [
      "Bonjour,",
      "",
      `${content.editorName} vous demande de signer l'attestation de client (annexe 1 de la charte d'accès aux données du ROR) pour le service numérique « ${content.serviceName} », au nom de ${content.clientName}.`,
      resent ? "Ce lien remplace celui du courriel précédent, qui ne fonctionne plus." : "",
      "",
      "Pour lire le document et le signer (ou refuser de le signer), ouvrez ce lien personnel :",
      portalLink(`/signature/${token}`),
      "",
      `Ce lien ne sert qu'une fois et expire le ${formatDate(expiresAt)}. Ne le transférez pas : il permet de signer en votre nom.`,
      "Si vous ne vous attendiez pas à ce message, ignorez-le.",
    ]
      .filter((line, i, all) => line !== "" || all[i - 1] !== "")
      .join("\n"),
  };
}

async function organizationEmails(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { organizationId, user: { status: "ACTIVE" } }, select: { user: { select: { email: true } } } });
  return [...new Set(rows.map((r) => r.user.email))];
}

// ---------------------------------------------------------------------------------------------------------------
// Sending

/**
 * Freezes the content, renders and stores the PDF as sent with its SHA-256, creates the client's link (only its
 * hash is stored) and the legal representative's signature request, and queues both e-mails.
 * Returns the client's token so that callers (and tests) can build the link.
 */
export async function sendForSignature(actor: Actor, attestationId: unknown, version: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  const expectedVersion = Number(version);
  const { token, tokenHash, expiresAt } = newClientToken(now);
  return db().$transaction(
    async (tx) => {
      const { attestation } = await lockManagedAttestation(tx, actor, access.id);
      if (attestation.version !== expectedVersion) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
      if (!isSendable(attestation.status)) throw new AppError("CONFLICT", NOT_SENDABLE);
      const missing = missingFields(formValuesOf(attestation));
      if (Object.keys(missing).length > 0) throw new AppError("VALIDATION", INCOMPLETE, missing);
      const representative = await tx.membership.findUnique({
        where: { userId_organizationId: { userId: attestation.editorLegalRepresentativeId!, organizationId: attestation.organizationId } },
        select: { isLegalRepresentative: true, user: { select: { id: true, name: true, email: true, status: true } } },
      });
      if (!representative?.isLegalRepresentative || representative.user.status !== "ACTIVE") {
        throw new AppError("VALIDATION", INCOMPLETE, { editorLegalRepresentativeId: "Cette personne n'est plus représentant légal de l'organisation : choisissez-en un autre." });
      }

      const content = await currentContent(tx, attestation.id, now);
      const pdf = await renderAttestationPdf(content, { draft: false, date: now });
      const sentSha256 = sha256Hex(pdf);
      const number = (await tx.attestationRound.count({ where: { attestationId: attestation.id } })) + 1;
      const file = await storeFile(tx, {
        fileName: `Attestation client - ${content.clientName} - ${content.madeOn} - envoi ${number}.pdf`,
        mediaType: "application/pdf",
        content: pdf,
        createdById: actor.userId,
      });
      const round = await tx.attestationRound.create({
        data: { attestationId: attestation.id, number, content, sentFileId: file.id, sentSha256, sentAt: now, sentById: actor.userId },
      });
      await tx.attestationSignature.create({
        data: {
          attestationId: attestation.id,
          roundId: round.id,
          party: "CLIENT",
          signerName: clientSignatoryName(content),
          signerFunction: content.clientSignatoryFunction,
          signerEmail: content.clientSignatoryEmail,
          tokenHash,
          expiresAt,
          createdAt: now,
        },
      });
      await tx.attestationSignature.create({
        data: {
          attestationId: attestation.id,
          roundId: round.id,
          party: "EDITOR",
          signerName: representative.user.name,
          signerFunction: "Représentant légal",
          signerEmail: representative.user.email,
          userId: representative.user.id,
          createdAt: now,
        },
      });
      const { count } = await tx.attestation.updateMany({
        where: { id: attestation.id, version: attestation.version },
        data: { status: "AWAITING_SIGNATURES", version: { increment: 1 } },
      });
      if (count !== 1) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);

      await queueMail(tx, [
        clientMail(content, token, expiresAt, false),
        {
          to: representative.user.email,
          kind: "attestation_signature_request_editor",
          subject: subjectLine(`Attestation de client à signer : ${content.clientName}`),
          text: [
            "Bonjour,",
            "",
            `L'attestation de client de ${content.clientName} pour le service numérique « ${content.serviceName} » a été envoyée pour signature.`,
            "En tant que représentant légal de l'éditeur, vous devez la signer à votre tour depuis votre compte :",
            attestationLink(attestation.serviceId, attestation.id),
          ].join("\n"),
        },
      ]);
      await recordEvent(tx, {
        name: "attestation.sent",
        actor: userActor(actor.userId),
        organizationId: attestation.organizationId,
        subjectId: attestation.id,
        request,
        payload: { roundId: round.id, number, sentSha256, sentFileId: file.id, legalRepresentativeId: representative.user.id, expiresAt: expiresAt.toISOString() },
        personal: { clientEmail: content.clientSignatoryEmail },
      });
      return { roundId: round.id, token, expiresAt, sentSha256 };
    },
    { timeout: 20_000 },
  );
}

/** A new link for the client; the previous one dies (it then says it was cancelled). */
export async function resendClientLink(actor: Actor, attestationId: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  const { token, tokenHash, expiresAt } = newClientToken(now);
  return db().$transaction(async (tx) => {
    const { attestation } = await lockManagedAttestation(tx, actor, access.id);
    const round = await tx.attestationRound.findFirst({ where: { attestationId: attestation.id, closedAt: null }, orderBy: { number: "desc" } });
    if (attestation.status !== "AWAITING_SIGNATURES" || !round) throw new AppError("CONFLICT", NO_OPEN_ROUND);
    const previous = await tx.attestationSignature.findFirst({ where: { roundId: round.id, party: "CLIENT", status: "PENDING" } });
    if (!previous) throw new AppError("CONFLICT", "Le client a déjà signé ou refusé : il n'y a pas de lien à renvoyer.");
    await tx.attestationSignature.update({ where: { id: previous.id }, data: { status: "CANCELLED", cancelledAt: now } });
    await tx.attestationSignature.create({
      data: {
        attestationId: attestation.id,
        roundId: round.id,
        party: "CLIENT",
        signerName: previous.signerName,
        signerFunction: previous.signerFunction,
        signerEmail: previous.signerEmail,
        tokenHash,
        expiresAt,
        createdAt: now,
      },
    });
    await tx.attestation.update({ where: { id: attestation.id }, data: { version: { increment: 1 } } });
    await queueMail(tx, clientMail(parseAttestationContent(round.content), token, expiresAt, true));
    await recordEvent(tx, {
      name: "attestation.link_resent",
      actor: userActor(actor.userId),
      organizationId: attestation.organizationId,
      subjectId: attestation.id,
      request,
      payload: { roundId: round.id, previousSignatureId: previous.id, expiresAt: expiresAt.toISOString() },
      personal: { clientEmail: previous.signerEmail },
    });
    return { token, expiresAt };
  });
}

/** Cancels the pending signing round: links die, the attestation is a draft again. */
export async function cancelSigningRound(actor: Actor, attestationId: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  await db().$transaction(async (tx) => {
    const { attestation } = await lockManagedAttestation(tx, actor, access.id);
    if (attestation.status !== "AWAITING_SIGNATURES") throw new AppError("CONFLICT", NO_OPEN_ROUND);
    const closed = await closeOpenRound(tx, attestation.id, "cancelled", now);
    await tx.attestation.update({ where: { id: attestation.id }, data: { status: "DRAFT", version: { increment: 1 } } });
    await queueMail(
      tx,
      (closed?.cancelled ?? [])
        .filter((s) => s.party === "CLIENT")
        .map((s) => ({
          to: s.signerEmail,
          kind: "attestation_signature_cancelled",
          subject: "Demande de signature annulée",
          text: ["Bonjour,", "", "La demande de signature d'attestation de client qui vous avait été envoyée a été annulée par l'éditeur. Le lien reçu ne fonctionne plus."].join("\n"),
        })),
    );
    await recordEvent(tx, {
      name: "attestation.round_cancelled",
      actor: userActor(actor.userId),
      organizationId: attestation.organizationId,
      subjectId: attestation.id,
      request,
      payload: { roundId: closed?.roundId ?? null, reason: "cancelled", cancelledSignatures: closed?.cancelled.length ?? 0 },
    });
  });
}

/** Withdraws the attestation for good (its client SIRET may then be used by a new one). */
export async function cancelAttestation(actor: Actor, attestationId: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  await db().$transaction(async (tx) => {
    const { attestation } = await lockManagedAttestation(tx, actor, access.id);
    if (attestation.status === "SEALED" || attestation.status === "CANCELLED") throw new AppError("CONFLICT", "Cette attestation ne peut plus être abandonnée.");
    const closed = await closeOpenRound(tx, attestation.id, "withdrawn", now);
    await tx.attestation.update({ where: { id: attestation.id }, data: { status: "CANCELLED", version: { increment: 1 } } });
    await recordEvent(tx, {
      name: "attestation.cancelled",
      actor: userActor(actor.userId),
      organizationId: attestation.organizationId,
      subjectId: attestation.id,
      request,
      payload: { previousStatus: attestation.status, roundId: closed?.roundId ?? null },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The client's link

export type SigningLinkView =
  | { state: Exclude<SigningLinkState, "valid"> | "unknown" }
  | {
      state: "valid";
      content: AttestationContent;
      signerName: string;
      signerFunction: string;
      expiresAt: Date;
      sentSha256: string;
    };

async function signatureByToken(token: string) {
  if (!isWellFormedSigningToken(token)) return null;
  return db().attestationSignature.findUnique({
    where: { tokenHash: hashSigningToken(token) },
    select: { id: true, status: true, usedAt: true, expiresAt: true, signerName: true, signerFunction: true, attestationId: true, round: { select: { content: true, sentSha256: true, sentFileId: true } } },
  });
}

/** What the public signing page shows: the document for a valid link; for any other, only which case it is. */
export async function signingLinkPage(token: string, now: Date = new Date()): Promise<SigningLinkView> {
  const signature = await signatureByToken(token);
  if (!signature) return { state: "unknown" };
  const state = signingLinkState(signature, now);
  if (state !== "valid") return { state };
  return {
    state: "valid",
    content: parseAttestationContent(signature.round.content),
    signerName: signature.signerName,
    signerFunction: signature.signerFunction,
    expiresAt: signature.expiresAt!,
    sentSha256: signature.round.sentSha256,
  };
}

/** The PDF as sent, for a valid link only (the same checks as the page). */
export async function signingLinkDocument(token: string, now: Date = new Date()) {
  const signature = await signatureByToken(token);
  if (!signature || signingLinkState(signature, now) !== "valid") return null;
  return readStoredFile(signature.round.sentFileId);
}

type SignatureRow = NonNullable<Awaited<ReturnType<Tx["attestationSignature"]["findUnique"]>>>;

const LINK_CONFLICT: Record<Exclude<SigningLinkState, "valid">, string> = {
  used: "Ce lien de signature a déjà été utilisé.",
  declined: "Ce lien de signature a déjà été utilisé pour refuser de signer.",
  cancelled: "Ce lien de signature a été annulé.",
  expired: "Ce lien de signature a expiré.",
};

function parseSignature(raw: unknown) {
  const parsed = signSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const image = signatureFromDataUrl((raw as { signature?: unknown } | null)?.signature);
  if (!image.ok) errors.signature ??= image.problem;
  if (!parsed.success || !image.ok) throw new AppError("VALIDATION", INVALID_FORM, errors);
  return { ...parsed.data, png: image.image.png };
}

/**
 * Records one signature inside the transaction (the attestation row is locked by the caller). When every
 * signature of the round is signed, the attestation becomes SIGNED (sealing follows, retry-safe).
 */
async function recordSignature(
  tx: Tx,
  signature: SignatureRow,
  input: { signerName: string; signerFunction: string; png: Uint8Array },
  request: RequestContext,
  actorId: string | null,
  now: Date,
) {
  // Conditional: two concurrent uses of one link cannot both win.
  const { count } = await tx.attestationSignature.updateMany({
    where: { id: signature.id, status: "PENDING", usedAt: null },
    data: {
      status: "SIGNED",
      signerName: input.signerName,
      signerFunction: input.signerFunction,
      image: new Uint8Array(input.png),
      signedAt: now,
      usedAt: signature.party === "CLIENT" ? now : null,
      ip: request.ip,
      userAgent: request.userAgent.slice(0, 500),
    },
  });
  if (count !== 1) throw new AppError("CONFLICT", LINK_CONFLICT.used);
  const attestation = await tx.attestation.findUniqueOrThrow({ where: { id: signature.attestationId }, select: { id: true, organizationId: true, serviceId: true } });
  const remaining = await tx.attestationSignature.count({ where: { roundId: signature.roundId, status: { not: "SIGNED" }, NOT: { status: "CANCELLED" } } });
  const complete = remaining === 0;
  await tx.attestation.update({ where: { id: attestation.id }, data: { version: { increment: 1 }, ...(complete ? { status: "SIGNED" } : {}) } });
  const content = parseAttestationContent((await tx.attestationRound.findUniqueOrThrow({ where: { id: signature.roundId }, select: { content: true } })).content);
  const partyWords = signature.party === "CLIENT" ? `le client (${input.signerName}, ${content.clientName})` : `le représentant légal de l'éditeur (${input.signerName})`;
  await queueMail(
    tx,
    (await organizationEmails(tx, attestation.organizationId)).map((to) => ({
      to,
      kind: "attestation_signed",
      subject: subjectLine(`Attestation de client signée par ${signature.party === "CLIENT" ? "le client" : "le représentant légal"} : ${content.clientName}`),
      text: [
        "Bonjour,",
        "",
        `L'attestation de client de ${content.clientName} pour le service numérique « ${content.serviceName} » a été signée par ${partyWords}.`,
        complete ? "Les deux parties ont signé : le document final est scellé par le portail." : "Elle attend encore l'autre signature.",
        "",
        attestationLink(attestation.serviceId, attestation.id),
      ].join("\n"),
    })),
  );
  await recordEvent(tx, {
    name: "attestation.signed",
    actor: actorId ? userActor(actorId) : ANONYMOUS,
    organizationId: attestation.organizationId,
    subjectId: attestation.id,
    request,
    payload: { signatureId: signature.id, party: signature.party, complete },
    personal: { signerName: input.signerName, signerFunction: input.signerFunction },
  });
  return { attestationId: attestation.id, complete };
}

async function recordRefusal(tx: Tx, signature: SignatureRow, reason: string, request: RequestContext, actorId: string | null, now: Date) {
  const { count } = await tx.attestationSignature.updateMany({
    where: { id: signature.id, status: "PENDING", usedAt: null },
    data: { status: "DECLINED", declinedAt: now, declineReason: reason, usedAt: signature.party === "CLIENT" ? now : null, ip: request.ip, userAgent: request.userAgent.slice(0, 500) },
  });
  if (count !== 1) throw new AppError("CONFLICT", LINK_CONFLICT.used);
  const attestation = await tx.attestation.findUniqueOrThrow({ where: { id: signature.attestationId }, select: { id: true, organizationId: true, serviceId: true } });
  await closeOpenRound(tx, attestation.id, "declined", now);
  await tx.attestation.update({ where: { id: attestation.id }, data: { status: "DECLINED", version: { increment: 1 } } });
  const content = parseAttestationContent((await tx.attestationRound.findUniqueOrThrow({ where: { id: signature.roundId }, select: { content: true } })).content);
  await queueMail(
    tx,
    (await organizationEmails(tx, attestation.organizationId)).map((to) => ({
      to,
      kind: "attestation_declined",
      subject: subjectLine(`Signature refusée : attestation de client de ${content.clientName}`),
      text: [
        "Bonjour,",
        "",
        `${signature.signerName} (${signature.party === "CLIENT" ? `pour le client ${content.clientName}` : "représentant légal de l'éditeur"}) a refusé de signer l'attestation de client du service numérique « ${content.serviceName} ».`,
        "",
        "Raison indiquée :",
        reason,
        "",
        "Vous pouvez corriger l'attestation puis l'envoyer à nouveau pour signature :",
        attestationLink(attestation.serviceId, attestation.id),
      ].join("\n"),
    })),
  );
  await recordEvent(tx, {
    name: "attestation.declined",
    actor: actorId ? userActor(actorId) : ANONYMOUS,
    organizationId: attestation.organizationId,
    subjectId: attestation.id,
    request,
    payload: { signatureId: signature.id, party: signature.party, reason },
  });
}

/** Finds the link's signature, locks its attestation, and re-reads the signature under the lock. */
async function lockedClientSignature(tx: Tx, token: string, now: Date): Promise<SignatureRow> {
  const unknown = () => new AppError("NOT_FOUND", "Ce lien de signature est introuvable.");
  if (!isWellFormedSigningToken(token)) throw unknown();
  const found = await tx.attestationSignature.findUnique({ where: { tokenHash: hashSigningToken(token) }, select: { attestationId: true } });
  if (!found) throw unknown();
  await lockAttestation(tx, found.attestationId);
  const signature = await tx.attestationSignature.findUniqueOrThrow({ where: { tokenHash: hashSigningToken(token) } });
  const state = signingLinkState(signature, now);
  if (state !== "valid") throw new AppError("CONFLICT", LINK_CONFLICT[state]);
  return signature;
}

/** The client signs through their link: single use, even when two requests race. */
export async function signAsClient(token: string, raw: unknown, request: RequestContext, now: Date = new Date()) {
  const input = parseSignature(raw);
  const result = await db().$transaction((tx) => lockedClientSignature(tx, token, now).then((signature) => recordSignature(tx, signature, input, request, null, now)));
  if (result.complete) await sealAfterSigning(result.attestationId);
  return result;
}

export async function declineAsClient(token: string, raw: unknown, request: RequestContext, now: Date = new Date()) {
  const parsed = declineReasonSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(parsed.error));
  await db().$transaction(async (tx) => {
    const signature = await lockedClientSignature(tx, token, now);
    await recordRefusal(tx, signature, parsed.data.reason, request, null, now);
  });
}

/** The legal representative's pending signature on this attestation, checked in the database. */
async function lockedEditorSignature(tx: Tx, actor: Actor, attestationId: string): Promise<SignatureRow> {
  await lockAttestation(tx, attestationId);
  const attestation = await tx.attestation.findUnique({ where: { id: attestationId }, select: { organizationId: true, status: true } });
  if (!attestation || !can(actor, { type: "attestation.read", organizationId: attestation.organizationId })) throw new AppError("NOT_FOUND", ATTESTATION_NOT_FOUND);
  const membership = await tx.membership.findUnique({ where: { userId_organizationId: { userId: actor.userId, organizationId: attestation.organizationId } } });
  if (!membership?.isLegalRepresentative || !can(actor, { type: "attestation.signAsEditor", organizationId: attestation.organizationId })) {
    throw new AppError("FORBIDDEN", "Seul le représentant légal de l'organisation choisi dans l'attestation peut la signer au nom de l'éditeur.");
  }
  const signature = await tx.attestationSignature.findFirst({
    where: { attestationId, party: "EDITOR", status: "PENDING", userId: actor.userId, round: { closedAt: null } },
  });
  if (!signature || attestation.status !== "AWAITING_SIGNATURES") throw new AppError("CONFLICT", EDITOR_SIGNATURE_NOT_FOUND);
  return signature;
}

export async function signAsEditor(actor: Actor, attestationId: unknown, raw: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.read");
  const input = parseSignature(raw);
  const result = await db().$transaction(async (tx) => {
    const signature = await lockedEditorSignature(tx, actor, access.id);
    return recordSignature(tx, signature, input, request, actor.userId, now);
  });
  if (result.complete) await sealAfterSigning(result.attestationId);
  return result;
}

export async function declineAsEditor(actor: Actor, attestationId: unknown, raw: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.read");
  const parsed = declineReasonSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(parsed.error));
  await db().$transaction(async (tx) => {
    const signature = await lockedEditorSignature(tx, actor, access.id);
    await recordRefusal(tx, signature, parsed.data.reason, request, actor.userId, now);
  });
}

/** Seals right after the last signature; a failure leaves the attestation SIGNED, to be retried. */
async function sealAfterSigning(attestationId: string) {
  try {
    await sealAttestation(attestationId);
  } catch (error) {
    console.error("attestation seal failed; it stays SIGNED and can be retried", error);
  }
}
