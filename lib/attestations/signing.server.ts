import "server-only";
import { randomBytes } from "node:crypto";
import { portalLink } from "../portal-link.server";
import { recordEvent } from "../events/record.server";
import { ANONYMOUS, systemActor, userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { readStoredFile, sha256Hex, storeFile } from "../files/stored-files.server";
import { queueMail } from "../mail/outbox.server";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { contentSignatories, parseAttestationContent, type AttestationContent } from "./attestation-content";
import { isSendable } from "./attestation-status";
import {
  ATTESTATION_NOT_FOUND,
  closeOpenRound,
  currentContent,
  lockAttestation,
  lockManagedAttestation,
  missingBeforeSending,
  MODIFIED_MEANWHILE,
  recordRoundCancelled,
  requireAttestationAccess,
} from "./attestations.server";
import { attestationMails } from "./mail-texts";
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
import { initiallyInvited, isTurnOf, mayInvite, nextToInvite, signatoryName, type SignatoryState, type SigningOrder } from "./signatories";

// The signing ceremony: send (freeze the content, store the PDF as sent), the client's single-use link, the
// legal representative's signature from their account, refusals, resend and cancellation.

const INVALID_FORM = "Le formulaire contient des erreurs.";
const NOT_SENDABLE = "Cette attestation ne peut pas être envoyée pour signature dans son état actuel.";
const INCOMPLETE = "L'attestation est incomplète : complétez-la avant de l'envoyer pour signature.";
const NO_OPEN_ROUND = "Aucune demande de signature n'est en cours pour cette attestation.";
const EDITOR_SIGNATURE_NOT_FOUND = "Aucune signature ne vous est demandée sur cette attestation.";

const attestationLink = (serviceId: string, attestationId: string) => portalLink(`/editeur/services/${serviceId}/attestations/${attestationId}`);

function newClientToken(now: Date) {
  const token = encodeSigningToken(randomBytes(SIGNING_TOKEN_BYTES));
  return { token, tokenHash: hashSigningToken(token), expiresAt: signingLinkExpiry(now) };
}

function clientMail(content: AttestationContent, to: string, token: string, expiresAt: Date, resent: boolean) {
  return { to, ...attestationMails.signatureRequest(content, { link: portalLink(`/signature/${token}`), expiresAt, resent }) };
}

const orderOf = (content: AttestationContent): SigningOrder => content.signingOrder ?? "PARALLEL";

/** The live client signature rows of a round (one per signatory: cancelled rows were replaced), as ordering sees them. */
async function liveClientStates(tx: Tx, roundId: string) {
  const rows = await tx.attestationSignature.findMany({ where: { roundId, party: "CLIENT", status: { not: "CANCELLED" } } });
  const states: SignatoryState[] = rows.map((r) => ({ position: r.position ?? 0, status: r.status, invited: r.expiresAt !== null }));
  return { rows, states };
}

/** Gives a waiting signatory their link (in order, when the previous one has signed). Returns the token. */
async function inviteSignatory(tx: Tx, signature: { id: string; signerEmail: string; roundId: string; position: number | null }, content: AttestationContent, now: Date) {
  const { token, tokenHash, expiresAt } = newClientToken(now);
  await tx.attestationSignature.update({ where: { id: signature.id }, data: { tokenHash, expiresAt, invitedAt: now } });
  await queueMail(tx, clientMail(content, signature.signerEmail, token, expiresAt, false));
  return { token, expiresAt };
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
  return db().$transaction(
    async (tx) => {
      const { attestation } = await lockManagedAttestation(tx, actor, access.id);
      if (attestation.version !== expectedVersion) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
      if (!isSendable(attestation.status)) throw new AppError("CONFLICT", NOT_SENDABLE);
      const missing = missingBeforeSending(attestation);
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
      // One row per client signatory; in order, only the first one gets a link now.
      const signatories = contentSignatories(content);
      const invited = new Set(initiallyInvited(signatories.length, orderOf(content)));
      const tokens: string[] = [];
      const clientMails: ReturnType<typeof clientMail>[] = [];
      const expiresAt = signingLinkExpiry(now);
      for (const [position, signatory] of signatories.entries()) {
        const link = invited.has(position) ? newClientToken(now) : null;
        await tx.attestationSignature.create({
          data: {
            attestationId: attestation.id,
            roundId: round.id,
            party: "CLIENT",
            position,
            signerName: signatoryName(signatory),
            signerFunction: signatory.function,
            signerEmail: signatory.email,
            tokenHash: link?.tokenHash ?? null,
            expiresAt: link?.expiresAt ?? null,
            invitedAt: link ? now : null,
            createdAt: now,
          },
        });
        if (link) {
          tokens.push(link.token);
          clientMails.push(clientMail(content, signatory.email, link.token, link.expiresAt, false));
        }
      }
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
        ...clientMails,
        { to: representative.user.email, ...attestationMails.editorSignatureRequest(content, attestationLink(attestation.serviceId, attestation.id)) },
      ]);
      await recordEvent(tx, {
        name: "attestation.sent",
        actor: userActor(actor.userId),
        organizationId: attestation.organizationId,
        subjectId: attestation.id,
        request,
        payload: {
          roundId: round.id,
          number,
          sentSha256,
          sentFileId: file.id,
          legalRepresentativeId: representative.user.id,
          expiresAt: expiresAt.toISOString(),
          clientSignatories: signatories.length,
          signingOrder: orderOf(content),
        },
        personal: { clientEmail: content.clientSignatoryEmail, clientEmails: signatories.map((x) => x.email) },
      });
      // `token` is the first signatory's link; `tokens` every link sent now, in signatory order.
      return { roundId: round.id, token: tokens[0]!, tokens, expiresAt, sentSha256 };
    },
    { timeout: 20_000 },
  );
}

/** The open round's live client signature row chosen by the editor (the only pending one when none is named). */
async function liveClientRow(tx: Tx, attestationId: string, signatureId: unknown) {
  const round = await tx.attestationRound.findFirst({ where: { attestationId, closedAt: null }, orderBy: { number: "desc" } });
  if (!round) throw new AppError("CONFLICT", NO_OPEN_ROUND);
  const { rows, states } = await liveClientStates(tx, round.id);
  const pending = rows.filter((r) => r.status === "PENDING");
  let row;
  if (signatureId === undefined || signatureId === null || signatureId === "") {
    if (pending.length !== 1) throw new AppError("VALIDATION", "Choisissez le signataire du client concerné.");
    row = pending[0]!;
  } else {
    row = rows.find((r) => r.id === signatureId);
    if (!row) throw new AppError("NOT_FOUND", "Ce signataire est introuvable dans la demande de signature en cours.");
  }
  if (row.status !== "PENDING") throw new AppError("CONFLICT", "Ce signataire a déjà signé ou refusé : il n'y a pas de lien à renvoyer ou annuler.");
  return { round, row, states };
}

/** A new link for one client signatory; their previous one dies (it then says it was cancelled). */
export async function resendClientLink(actor: Actor, attestationId: unknown, request: RequestContext, now: Date = new Date(), signatureId?: unknown) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  const { token, tokenHash, expiresAt } = newClientToken(now);
  return db().$transaction(async (tx) => {
    const { attestation } = await lockManagedAttestation(tx, actor, access.id);
    if (attestation.status !== "AWAITING_SIGNATURES") throw new AppError("CONFLICT", NO_OPEN_ROUND);
    const { round, row: previous, states } = await liveClientRow(tx, attestation.id, signatureId);
    const content = parseAttestationContent(round.content);
    if (!mayInvite(previous.position ?? 0, orderOf(content), states)) {
      throw new AppError("CONFLICT", "Ce signataire signe après un autre qui n'a pas encore signé : son lien lui sera envoyé à son tour.");
    }
    await tx.attestationSignature.update({ where: { id: previous.id }, data: { status: "CANCELLED", cancelledAt: now } });
    await tx.attestationSignature.create({
      data: {
        attestationId: attestation.id,
        roundId: round.id,
        party: "CLIENT",
        position: previous.position ?? 0,
        signerName: previous.signerName,
        signerFunction: previous.signerFunction,
        signerEmail: previous.signerEmail,
        tokenHash,
        expiresAt,
        invitedAt: now,
        createdAt: now,
      },
    });
    await tx.attestation.update({ where: { id: attestation.id }, data: { version: { increment: 1 } } });
    await queueMail(tx, clientMail(content, previous.signerEmail, token, expiresAt, previous.expiresAt !== null));
    await recordEvent(tx, {
      name: "attestation.link_resent",
      actor: userActor(actor.userId),
      organizationId: attestation.organizationId,
      subjectId: attestation.id,
      request,
      payload: { roundId: round.id, previousSignatureId: previous.id, expiresAt: expiresAt.toISOString(), position: previous.position ?? 0 },
      personal: { clientEmail: previous.signerEmail },
    });
    return { token, expiresAt };
  });
}

/**
 * Cancels one client signatory's link (sent to a wrong inbox, say): it dies, the signatory is told, and they wait
 * for a new one ("renvoyer le lien"). The round stays open; sealing still waits for their signature.
 */
export async function cancelClientLink(actor: Actor, attestationId: unknown, signatureId: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  await db().$transaction(async (tx) => {
    const { attestation } = await lockManagedAttestation(tx, actor, access.id);
    if (attestation.status !== "AWAITING_SIGNATURES") throw new AppError("CONFLICT", NO_OPEN_ROUND);
    const { round, row } = await liveClientRow(tx, attestation.id, signatureId);
    if (row.expiresAt === null) throw new AppError("CONFLICT", "Ce signataire n'a pas encore reçu de lien : il n'y a rien à annuler.");
    await tx.attestationSignature.update({ where: { id: row.id }, data: { status: "CANCELLED", cancelledAt: now } });
    // The signatory still has to sign: a row without a link takes their place until a new link is sent.
    await tx.attestationSignature.create({
      data: {
        attestationId: attestation.id,
        roundId: round.id,
        party: "CLIENT",
        position: row.position ?? 0,
        signerName: row.signerName,
        signerFunction: row.signerFunction,
        signerEmail: row.signerEmail,
        createdAt: now,
      },
    });
    await tx.attestation.update({ where: { id: attestation.id }, data: { version: { increment: 1 } } });
    await queueMail(tx, { to: row.signerEmail, ...attestationMails.signatureCancelled() });
    await recordEvent(tx, {
      name: "attestation.link_cancelled",
      actor: userActor(actor.userId),
      organizationId: attestation.organizationId,
      subjectId: attestation.id,
      request,
      payload: { roundId: round.id, signatureId: row.id, position: row.position ?? 0 },
      personal: { clientEmail: row.signerEmail },
    });
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
        .filter((s) => s.party === "CLIENT" && s.expiresAt !== null)
        .map((s) => ({ to: s.signerEmail, ...attestationMails.signatureCancelled() })),
    );
    await recordRoundCancelled(tx, { actorId: actor.userId, attestation, request, reason: "cancelled", closed });
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
  // Every signatory has one live row (cancelled ones were replaced): sealing waits until none is left unsigned.
  const remaining = await tx.attestationSignature.count({ where: { roundId: signature.roundId, status: { not: "SIGNED" }, NOT: { status: "CANCELLED" } } });
  const complete = remaining === 0;
  await tx.attestation.update({ where: { id: attestation.id }, data: { version: { increment: 1 }, ...(complete ? { status: "SIGNED" } : {}) } });
  const content = parseAttestationContent((await tx.attestationRound.findUniqueOrThrow({ where: { id: signature.roundId }, select: { content: true } })).content);

  // In order: the next client signatory gets their link now.
  const invitedTokens: string[] = [];
  if (signature.party === "CLIENT") {
    const { rows, states } = await liveClientStates(tx, signature.roundId);
    for (const position of nextToInvite(orderOf(content), states)) {
      const next = rows.find((r) => r.position === position && r.status === "PENDING")!;
      const { token, expiresAt } = await inviteSignatory(tx, next, content, now);
      invitedTokens.push(token);
      await recordEvent(tx, {
        name: "attestation.signatory_invited",
        actor: systemActor("attestation-signing-order"),
        organizationId: attestation.organizationId,
        subjectId: attestation.id,
        payload: { roundId: signature.roundId, signatureId: next.id, position, expiresAt: expiresAt.toISOString() },
        personal: { clientEmail: next.signerEmail },
      });
    }
  }
  const mail = attestationMails.signed(content, {
    party: signature.party,
    signerName: input.signerName,
    complete,
    remaining,
    link: attestationLink(attestation.serviceId, attestation.id),
  });
  await queueMail(tx, (await organizationEmails(tx, attestation.organizationId)).map((to) => ({ to, ...mail })));
  await recordEvent(tx, {
    name: "attestation.signed",
    actor: actorId ? userActor(actorId) : ANONYMOUS,
    organizationId: attestation.organizationId,
    subjectId: attestation.id,
    request,
    payload: { signatureId: signature.id, party: signature.party, complete },
    personal: { signerName: input.signerName, signerFunction: input.signerFunction },
  });
  return { attestationId: attestation.id, complete, invitedTokens };
}

async function recordRefusal(tx: Tx, signature: SignatureRow, reason: string, request: RequestContext, actorId: string | null, now: Date) {
  const { count } = await tx.attestationSignature.updateMany({
    where: { id: signature.id, status: "PENDING", usedAt: null },
    data: { status: "DECLINED", declinedAt: now, declineReason: reason, usedAt: signature.party === "CLIENT" ? now : null, ip: request.ip, userAgent: request.userAgent.slice(0, 500) },
  });
  if (count !== 1) throw new AppError("CONFLICT", LINK_CONFLICT.used);
  const attestation = await tx.attestation.findUniqueOrThrow({ where: { id: signature.attestationId }, select: { id: true, organizationId: true, serviceId: true } });
  // One refusal stops the round: every other pending link dies, and the signatories who had one are told.
  const closed = await closeOpenRound(tx, attestation.id, "declined", now);
  await tx.attestation.update({ where: { id: attestation.id }, data: { status: "DECLINED", version: { increment: 1 } } });
  const content = parseAttestationContent((await tx.attestationRound.findUniqueOrThrow({ where: { id: signature.roundId }, select: { content: true } })).content);
  const mail = attestationMails.declined(content, { party: signature.party, signerName: signature.signerName, reason, link: attestationLink(attestation.serviceId, attestation.id) });
  await queueMail(tx, [
    ...(await organizationEmails(tx, attestation.organizationId)).map((to) => ({ to, ...mail })),
    ...(closed?.cancelled ?? []).filter((s) => s.party === "CLIENT" && s.expiresAt !== null).map((s) => ({ to: s.signerEmail, ...attestationMails.signatureCancelled() })),
  ]);
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
  // In order, nobody signs (or declines) before the signatories ahead of them, even with a forged request.
  const round = await tx.attestationRound.findUniqueOrThrow({ where: { id: signature.roundId }, select: { content: true, closedAt: true } });
  if (round.closedAt !== null) throw new AppError("CONFLICT", LINK_CONFLICT.cancelled);
  const { states } = await liveClientStates(tx, signature.roundId);
  if (!isTurnOf(signature.position ?? 0, orderOf(parseAttestationContent(round.content)), states)) {
    throw new AppError("CONFLICT", "Ce n'est pas encore votre tour de signer : un autre signataire du client doit signer avant vous.");
  }
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
