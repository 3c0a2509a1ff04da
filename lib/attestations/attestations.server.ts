import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { readStoredFile } from "../files/stored-files.server";
import { parseRecordId } from "../organizations/organization-access.server";
import type { RequestContext } from "../request.server";
import { requireManagedServiceInTransaction, requireServiceAccess } from "../service-access.server";
import { fieldErrorsOf } from "../validation";
import { isoDay, parseAttestationContent, type AttestationContent } from "./attestation-content";
import { attestationSchema, attestationUpdateSchema, missingFields, missingSignatoryFields, parisToday, type AttestationData, type AttestationField } from "./attestation-schema";
import { allSignatories, mayInvite, parseAdditionalSignatories, type SigningOrder } from "./signatories";
import { ATTESTATION_STATUS_LABELS, isEditable, isSendable, SIGNATURE_STATUS_LABELS, type AttestationStatusCode } from "./attestation-status";
import { renderAttestationPdf } from "./pdf";

// Use cases of the client attestation (charter Annex 1) before and around signing: drafts, reading, downloads.
// The signing ceremony is in signing.server.ts, the seal in sealing.server.ts.

export const ATTESTATION_NOT_FOUND = "Cette attestation est introuvable ou n'appartient pas à votre organisation.";
const INVALID_FORM = "Le formulaire contient des erreurs.";
export const MODIFIED_MEANWHILE =
  "L'attestation a été modifiée par quelqu'un d'autre entre-temps. Rechargez la page pour voir ses informations à jour, puis recommencez ; rien n'a été enregistré.";
const SIRET_TAKEN = "Ce client a déjà une attestation pour ce service. Reprenez-la plutôt que d'en créer une autre.";
const NOT_A_LEGAL_REPRESENTATIVE = "Choisissez le responsable légal parmi les représentants légaux de l'organisation.";
const NOT_EDITABLE = "Cette attestation ne peut plus être modifiée.";

export type AttestationAccess = "attestation.read" | "attestation.manage";

/** The attestation's organisation and service, once the actor may read (or manage) it; NOT_FOUND otherwise. */
export async function requireAttestationAccess(actor: Actor, attestationId: unknown, access: AttestationAccess) {
  const id = parseRecordId(attestationId, ATTESTATION_NOT_FOUND);
  const row = await db().attestation.findUnique({ where: { id }, select: { id: true, organizationId: true, serviceId: true } });
  if (!row || !can(actor, { type: access, organizationId: row.organizationId })) throw new AppError("NOT_FOUND", ATTESTATION_NOT_FOUND);
  return row;
}

/**
 * Inside a transaction: locks the attestation row (every change of one attestation runs one after the other)
 * and checks in the database that the actor is still a member of its organisation.
 */
export async function lockManagedAttestation(tx: Tx, actor: Actor, attestationId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Attestation" WHERE "id" = ${attestationId}::uuid FOR UPDATE`;
  if (rows.length !== 1) throw new AppError("NOT_FOUND", ATTESTATION_NOT_FOUND);
  const attestation = await tx.attestation.findUniqueOrThrow({ where: { id: attestationId } });
  if (!can(actor, { type: "attestation.manage", organizationId: attestation.organizationId })) throw new AppError("NOT_FOUND", ATTESTATION_NOT_FOUND);
  const membership = await tx.membership.findUnique({ where: { userId_organizationId: { userId: actor.userId, organizationId: attestation.organizationId } } });
  if (!membership) throw new AppError("NOT_FOUND", ATTESTATION_NOT_FOUND);
  return { attestation, membership };
}

export async function lockAttestation(tx: Tx, attestationId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Attestation" WHERE "id" = ${attestationId}::uuid FOR UPDATE`;
}

function parseForm(raw: unknown, now: Date, withVersion: boolean) {
  const schema = withVersion ? attestationUpdateSchema(parisToday(now)) : attestationSchema(parisToday(now));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(parsed.error));
  return parsed.data as AttestationData & { version?: number };
}

/** The legal representatives of an organisation, as the form's select offers them. */
async function legalRepresentativesOf(tx: Pick<Tx, "membership">, organizationId: string) {
  const rows = await tx.membership.findMany({
    where: { organizationId, isLegalRepresentative: true, user: { status: "ACTIVE" } },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => r.user);
}

/** The rules that need the database: a legal representative of this organisation, one attestation per client SIRET. */
async function checkAgainstDatabase(tx: Tx, data: AttestationData, organizationId: string, serviceId: string, exceptId: string | null) {
  const errors: Record<string, string> = {};
  if (data.editorLegalRepresentativeId) {
    const membership = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: data.editorLegalRepresentativeId, organizationId } },
      select: { isLegalRepresentative: true, user: { select: { status: true } } },
    });
    if (!membership?.isLegalRepresentative || membership.user.status !== "ACTIVE") errors.editorLegalRepresentativeId = NOT_A_LEGAL_REPRESENTATIVE;
  }
  if (data.clientSiret) {
    const other = await tx.attestation.findFirst({
      where: { serviceId, clientSiret: data.clientSiret, status: { not: "CANCELLED" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    if (other) errors.clientSiret = SIRET_TAKEN;
  }
  if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", INVALID_FORM, errors);
}

function columnsOf(data: AttestationData) {
  return {
    clientName: data.clientName,
    clientAddress: data.clientAddress,
    clientSignatoryLastName: data.clientSignatoryLastName,
    clientSignatoryFirstName: data.clientSignatoryFirstName,
    clientSignatoryFunction: data.clientSignatoryFunction,
    clientSiret: data.clientSiret,
    clientSignatoryEmail: data.clientSignatoryEmail,
    editorLegalRepresentativeId: data.editorLegalRepresentativeId || null,
    orderSignedOn: data.orderSignedOn ? new Date(`${data.orderSignedOn}T00:00:00Z`) : null,
    softwareVersion: data.softwareVersion,
    place: data.place,
    additionalClientSignatories: data.additionalClientSignatories,
    signingOrder: data.signingOrder,
  };
}

type AttestationRow = Awaited<ReturnType<Tx["attestation"]["findUniqueOrThrow"]>>;

/** The form's values from a stored row. */
export function formValuesOf(row: Pick<AttestationRow, Exclude<AttestationField, "orderSignedOn" | "editorLegalRepresentativeId"> | "orderSignedOn" | "editorLegalRepresentativeId">) {
  return {
    clientName: row.clientName,
    clientAddress: row.clientAddress,
    clientSignatoryLastName: row.clientSignatoryLastName,
    clientSignatoryFirstName: row.clientSignatoryFirstName,
    clientSignatoryFunction: row.clientSignatoryFunction,
    clientSiret: row.clientSiret,
    clientSignatoryEmail: row.clientSignatoryEmail,
    editorLegalRepresentativeId: row.editorLegalRepresentativeId ?? "",
    orderSignedOn: isoDay(row.orderSignedOn),
    softwareVersion: row.softwareVersion,
    place: row.place,
  };
}

/** Signatories 2 to 10 and the signing order, as the form shows them. */
export function signatoryValuesOf(row: Pick<AttestationRow, "additionalClientSignatories" | "signingOrder">) {
  return { additionalClientSignatories: parseAdditionalSignatories(row.additionalClientSignatories), signingOrder: row.signingOrder as SigningOrder };
}

/** Everything still missing before sending: the Annex 1 fields, then signatories 2 to 10. */
export function missingBeforeSending(row: AttestationRow): Record<string, string> {
  return { ...missingFields(formValuesOf(row)), ...missingSignatoryFields(signatoryValuesOf(row).additionalClientSignatories) };
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts

/** What the "new attestation" form needs: the service, the organisation's identity and legal representatives. */
export async function newAttestationForm(actor: Actor, serviceId: unknown) {
  const access = await requireServiceAccess(actor, serviceId, "service.manage");
  if (!can(actor, { type: "attestation.manage", organizationId: access.organizationId })) throw new AppError("NOT_FOUND", ATTESTATION_NOT_FOUND);
  const service = await db().service.findUniqueOrThrow({
    where: { id: access.serviceId },
    select: { id: true, name: true, softwareName: true, softwareVersion: true, organization: { select: { id: true, legalName: true, address: true, siret: true } } },
  });
  const legalRepresentatives = await legalRepresentativesOf(db(), access.organizationId);
  return { service, organization: service.organization, legalRepresentatives };
}

export async function createAttestation(actor: Actor, serviceId: unknown, raw: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireServiceAccess(actor, serviceId, "service.manage");
  const data = parseForm(raw, now, false);
  return db().$transaction(async (tx) => {
    const { organizationId } = await requireManagedServiceInTransaction(tx, actor, access.serviceId);
    await checkAgainstDatabase(tx, data, organizationId, access.serviceId, null);
    const attestation = await tx.attestation.create({
      data: { serviceId: access.serviceId, organizationId, createdById: actor.userId, createdAt: now, ...columnsOf(data) },
      select: { id: true },
    });
    await recordEvent(tx, {
      name: "attestation.created",
      actor: userActor(actor.userId),
      organizationId,
      subjectId: attestation.id,
      request,
      payload: { serviceId: access.serviceId, clientName: data.clientName, clientSiret: data.clientSiret },
    });
    return { attestationId: attestation.id, serviceId: access.serviceId };
  });
}

/**
 * Closes the open signing round: its pending signatures are cancelled (their links die). Returns whether a
 * round was open. The caller holds the attestation's lock.
 */
export async function closeOpenRound(tx: Tx, attestationId: string, reason: "edited" | "cancelled" | "declined" | "withdrawn" | "sealed", now: Date) {
  const round = await tx.attestationRound.findFirst({ where: { attestationId, closedAt: null }, orderBy: { number: "desc" } });
  if (!round) return null;
  await tx.attestationRound.update({ where: { id: round.id }, data: { closedAt: now, closedReason: reason } });
  const pending = await tx.attestationSignature.findMany({ where: { roundId: round.id, status: "PENDING" }, select: { id: true, party: true, signerEmail: true, expiresAt: true } });
  await tx.attestationSignature.updateMany({ where: { roundId: round.id, status: "PENDING" }, data: { status: "CANCELLED", cancelledAt: now } });
  return { roundId: round.id, cancelled: pending };
}

/** The event of a signing round closed by an edit or a cancellation, with how many pending signatures died. */
export async function recordRoundCancelled(
  tx: Tx,
  input: { actorId: string; attestation: { id: string; organizationId: string }; request: RequestContext; reason: "edited" | "cancelled"; closed: Awaited<ReturnType<typeof closeOpenRound>> },
) {
  await recordEvent(tx, {
    name: "attestation.round_cancelled",
    actor: userActor(input.actorId),
    organizationId: input.attestation.organizationId,
    subjectId: input.attestation.id,
    request: input.request,
    payload: { roundId: input.closed?.roundId ?? null, reason: input.reason, cancelledSignatures: input.closed?.cancelled.length ?? 0 },
  });
}

/**
 * Saves the form. Allowed while DRAFT, and while a signing round waits or was declined: the content then
 * differs from what was sent, so the pending signatures are cancelled and the attestation is a draft again.
 */
export async function updateAttestation(actor: Actor, attestationId: unknown, raw: unknown, request: RequestContext, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  const data = parseForm(raw, now, true);
  return db().$transaction(async (tx) => {
    const { attestation } = await lockManagedAttestation(tx, actor, access.id);
    if (attestation.version !== data.version) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
    if (!isEditable(attestation.status)) throw new AppError("CONFLICT", NOT_EDITABLE);
    await requireManagedServiceInTransaction(tx, actor, attestation.serviceId);
    await checkAgainstDatabase(tx, data, attestation.organizationId, attestation.serviceId, attestation.id);

    const before = formValuesOf(attestation);
    const after = formValuesOf({ ...attestation, ...columnsOf(data) });
    const changes: Record<string, { before: string; after: string }> = {};
    for (const key of Object.keys(after) as (keyof typeof after)[]) {
      if (before[key] !== after[key]) changes[key] = { before: before[key], after: after[key] };
    }
    const signatoriesBefore = signatoryValuesOf(attestation);
    const signatoriesList = (list: typeof data.additionalClientSignatories) => list.map((x) => `${x.firstName} ${x.lastName}, ${x.function} <${x.email}>`).join(" ; ");
    if (signatoriesList(signatoriesBefore.additionalClientSignatories) !== signatoriesList(data.additionalClientSignatories)) {
      changes.additionalClientSignatories = { before: signatoriesList(signatoriesBefore.additionalClientSignatories), after: signatoriesList(data.additionalClientSignatories) };
    }
    if (signatoriesBefore.signingOrder !== data.signingOrder) changes.signingOrder = { before: signatoriesBefore.signingOrder, after: data.signingOrder };
    if (Object.keys(changes).length === 0) return { changed: false, cancelledRound: false };

    const closed = attestation.status === "AWAITING_SIGNATURES" ? await closeOpenRound(tx, attestation.id, "edited", now) : null;
    const { count } = await tx.attestation.updateMany({
      where: { id: attestation.id, version: attestation.version },
      data: { ...columnsOf(data), status: "DRAFT", version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
    await recordEvent(tx, {
      name: "attestation.updated",
      actor: userActor(actor.userId),
      organizationId: attestation.organizationId,
      subjectId: attestation.id,
      request,
      payload: { changes, cancelledRound: closed?.roundId ?? null },
    });
    if (closed) await recordRoundCancelled(tx, { actorId: actor.userId, attestation, request, reason: "edited", closed });
    return { changed: true, cancelledRound: closed !== null };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** The service's attestations with their states, for the list page. */
export async function serviceAttestations(actor: Actor, serviceId: unknown) {
  const access = await requireServiceAccess(actor, serviceId, "service.read");
  if (!can(actor, { type: "attestation.read", organizationId: access.organizationId })) throw new AppError("NOT_FOUND", ATTESTATION_NOT_FOUND);
  const service = await db().service.findUniqueOrThrow({
    where: { id: access.serviceId },
    select: { id: true, name: true, organization: { select: { id: true, legalName: true } } },
  });
  const rows = await db().attestation.findMany({
    where: { serviceId: access.serviceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, clientName: true, clientSiret: true, status: true, updatedAt: true, sealedAt: true },
  });
  return {
    service,
    organization: service.organization,
    attestations: rows.map((r) => ({ ...r, statusLabel: ATTESTATION_STATUS_LABELS[r.status] })),
    permissions: { manage: can(actor, { type: "attestation.manage", organizationId: access.organizationId }) },
  };
}

/** Everything the attestation's page shows. */
export async function attestationPage(actor: Actor, attestationId: unknown, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.read");
  const attestation = await db().attestation.findUniqueOrThrow({
    where: { id: access.id },
    include: {
      service: { select: { id: true, name: true, softwareName: true, softwareVersion: true } },
      organization: { select: { id: true, legalName: true, address: true, siret: true } },
      editorLegalRepresentative: { select: { id: true, name: true } },
      rounds: {
        orderBy: { number: "desc" },
        take: 1,
        include: {
          signatures: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              party: true,
              status: true,
              signerName: true,
              signerFunction: true,
              signerEmail: true,
              userId: true,
              signedAt: true,
              declinedAt: true,
              declineReason: true,
              expiresAt: true,
              cancelledAt: true,
              position: true,
              invitedAt: true,
            },
          },
        },
      },
    },
  });
  const manage = can(actor, { type: "attestation.manage", organizationId: attestation.organizationId });
  const legalRepresentatives = manage ? await legalRepresentativesOf(db(), attestation.organizationId) : [];
  const round = attestation.rounds[0] ?? null;
  const openRound = round && round.closedAt === null ? round : null;
  const editorSignature = openRound?.signatures.find((s) => s.party === "EDITOR" && s.status === "PENDING") ?? null;
  const values = formValuesOf(attestation);
  const signatoryValues = signatoryValuesOf(attestation);
  const status: AttestationStatusCode = attestation.status;
  const roundOrder: SigningOrder = round ? (parseAttestationContent(round.content).signingOrder ?? "PARALLEL") : signatoryValues.signingOrder;
  const liveClients = (openRound?.signatures ?? [])
    .filter((s) => s.party === "CLIENT" && s.status !== "CANCELLED")
    .map((s) => ({ position: s.position ?? 0, status: s.status, invited: s.expiresAt !== null }));
  return {
    attestation: {
      id: attestation.id,
      version: attestation.version,
      status,
      statusLabel: ATTESTATION_STATUS_LABELS[status],
      values,
      signatories: allSignatories(values, signatoryValues.additionalClientSignatories),
      signingOrder: signatoryValues.signingOrder,
      editorLegalRepresentativeName: attestation.editorLegalRepresentative?.name ?? null,
      sealedAt: attestation.sealedAt,
      sealedSha256: attestation.sealedSha256,
      hasSealedFile: attestation.sealedFileId !== null,
      remindersEnabled: attestation.remindersEnabled,
      updatedAt: attestation.updatedAt,
    },
    service: attestation.service,
    organization: attestation.organization,
    legalRepresentatives,
    missing: missingBeforeSending(attestation),
    round: round
      ? {
          id: round.id,
          number: round.number,
          open: round.closedAt === null,
          closedReason: round.closedReason,
          sentAt: round.sentAt,
          sentSha256: round.sentSha256,
          content: parseAttestationContent(round.content),
          signingOrder: roundOrder,
          signatures: round.signatures
            .filter((s) => s.status !== "CANCELLED" || round.closedAt !== null)
            .sort((a, b) => (a.party === b.party ? (a.position ?? 0) - (b.position ?? 0) : a.party === "CLIENT" ? -1 : 1))
            .map((s) => {
              const live = round.closedAt === null && s.party === "CLIENT" && s.status === "PENDING";
              const invited = s.party !== "CLIENT" || s.expiresAt !== null;
              return {
                ...s,
                statusLabel: s.party === "CLIENT" && s.status === "PENDING" && !invited ? "En attente du signataire précédent" : SIGNATURE_STATUS_LABELS[s.status],
                expired: s.status === "PENDING" && s.expiresAt !== null && s.expiresAt <= now,
                // Per signatory: a new link (their turn has come), or cancelling the link they have.
                resend: manage && live && mayInvite(s.position ?? 0, roundOrder, liveClients),
                cancelLink: manage && live && invited,
              };
            }),
        }
      : null,
    permissions: {
      manage,
      edit: manage && isEditable(status),
      send: manage && isSendable(status),
      resend: manage && status === "AWAITING_SIGNATURES" && (openRound?.signatures.some((s) => s.party === "CLIENT" && s.status === "PENDING") ?? false),
      cancelRound: manage && status === "AWAITING_SIGNATURES",
      withdraw: manage && status !== "SEALED" && status !== "CANCELLED",
      signAsEditor: editorSignature !== null && editorSignature.userId === actor.userId && can(actor, { type: "attestation.signAsEditor", organizationId: attestation.organizationId }),
      retrySeal: manage && status === "SIGNED",
    },
  };
}

/** The content that would be sent now: the form's values with the organisation and service as they are now. */
export async function currentContent(tx: Pick<Tx, "attestation">, attestationId: string, now: Date): Promise<AttestationContent> {
  const a = await tx.attestation.findUniqueOrThrow({
    where: { id: attestationId },
    include: {
      service: { select: { name: true, softwareName: true } },
      organization: { select: { legalName: true, address: true, siret: true } },
      editorLegalRepresentative: { select: { name: true, email: true } },
    },
  });
  return {
    clientName: a.clientName,
    clientAddress: a.clientAddress,
    clientSignatoryLastName: a.clientSignatoryLastName,
    clientSignatoryFirstName: a.clientSignatoryFirstName,
    clientSignatoryFunction: a.clientSignatoryFunction,
    clientSiret: a.clientSiret,
    clientSignatoryEmail: a.clientSignatoryEmail,
    editorName: a.organization.legalName,
    editorAddress: a.organization.address,
    editorSiret: a.organization.siret,
    editorLegalRepresentativeName: a.editorLegalRepresentative?.name ?? "",
    editorLegalRepresentativeEmail: a.editorLegalRepresentative?.email ?? "",
    serviceName: a.service.name,
    softwareName: a.service.softwareName,
    orderSignedOn: isoDay(a.orderSignedOn),
    softwareVersion: a.softwareVersion,
    place: a.place,
    madeOn: parisToday(now),
    clientSignatories: allSignatories(a, parseAdditionalSignatories(a.additionalClientSignatories)),
    signingOrder: a.signingOrder,
  };
}

/** The "PROJET" preview of the attestation as it stands. */
export async function attestationPreview(actor: Actor, attestationId: unknown, now: Date = new Date()) {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.read");
  const content = await currentContent(db(), access.id, now);
  const pdf = await renderAttestationPdf(content, { draft: true, date: now });
  return { fileName: `Attestation client - ${content.clientName || "brouillon"} - projet.pdf`, mediaType: "application/pdf", content: pdf };
}

/** The PDF as sent for signature (latest round), or the sealed PDF. */
export async function attestationFile(actor: Actor, attestationId: unknown, kind: "sent" | "sealed") {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.read");
  let fileId: string | null = null;
  if (kind === "sealed") {
    fileId = (await db().attestation.findUniqueOrThrow({ where: { id: access.id }, select: { sealedFileId: true } })).sealedFileId;
  } else {
    fileId = (await db().attestationRound.findFirst({ where: { attestationId: access.id }, orderBy: { number: "desc" }, select: { sentFileId: true } }))?.sentFileId ?? null;
  }
  const file = fileId ? await readStoredFile(fileId) : null;
  if (!file) throw new AppError("NOT_FOUND", kind === "sealed" ? "Cette attestation n'est pas encore scellée." : "Cette attestation n'a pas encore été envoyée pour signature.");
  return file;
}
