import "server-only";
// ANS's resolution of squatting (issue 22, ADR 0057): a join request unanswered for 15 days, or whose requester says
// they are the real legal representative, reaches ANS's queue; a reviewer transfers the organisation to the
// requester, removes members, or refuses the squatting organisation. Each act: one transaction, its events, its mails.
import { z } from "zod";
import { can, type Actor } from "../auth/permissions";
import { revokeUserSessions } from "../auth/sessions.server";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { systemActor, userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { queueMail } from "../mail/outbox.server";
import { organizationVerificationPath } from "../paths";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { INVALID_FORM } from "../validation";
import { JOIN_REQUEST_PATH } from "./join-requests.server";
import { parseRecordId } from "./organization-access.server";
import { organizationEmails } from "./recipients.server";
import { caseProblem, claimProblem, escalationCutoff, resolutionReasonProblem, SQUATTING_MESSAGES, squattingRefusalProblem, type EscalationCause } from "./squatting";
import { squattingMails } from "./squatting-mail-texts";
import { organizationStatusMails } from "./verification-mail-texts";
import { resetOrganizationVerification } from "./verification.server";

export const SQUATTING_QUEUE_PATH = "/instruction/organisations/rattachements";
export const squattingCasePath = (joinRequestId: string) => `${SQUATTING_QUEUE_PATH}/${joinRequestId}`;
const QUEUE_LIMIT = 200;

function requireReviewer(actor: Actor) {
  if (!can(actor, { type: "organization.verify" })) throw new AppError("FORBIDDEN", SQUATTING_MESSAGES.onlyReviewers);
}

type LockedRequest = { id: string; organizationId: string; requesterId: string; status: "PENDING" | "ACCEPTED" | "REFUSED"; escalatedAt: Date | null; ansResolvedAt: Date | null };

async function lockJoinRequest(tx: Tx, id: string): Promise<LockedRequest> {
  const rows = await tx.$queryRaw<LockedRequest[]>`
    SELECT "id"::text AS "id", "organizationId"::text AS "organizationId", "requesterId"::text AS "requesterId", "status"::text AS "status",
           "escalatedAt", "ansResolvedAt"
    FROM "JoinRequest" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", SQUATTING_MESSAGES.notFound);
  return rows[0];
}

async function lockOrganizationRow(tx: Tx, organizationId: string) {
  const rows = await tx.$queryRaw<{ legalName: string; status: "UNVERIFIED" | "VERIFIED" | "REFUSED" | "SUSPENDED" }[]>`
    SELECT "legalName", "status"::text AS "status" FROM "Organization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", SQUATTING_MESSAGES.notFound);
  return rows[0];
}

async function legalRepresentativeEmails(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { organizationId, isLegalRepresentative: true, user: { status: "ACTIVE" } }, select: { user: { select: { email: true } } } });
  return [...new Set(rows.map((r) => r.user.email))];
}

/** Inside the caller's transaction: the request goes to ANS's queue, the requester and the holders are told. */
async function escalate(tx: Tx, request: LockedRequest, cause: EscalationCause, actor: ReturnType<typeof userActor>, context: RequestContext | undefined, now: Date) {
  await tx.joinRequest.update({ where: { id: request.id }, data: { escalatedAt: now, escalationCause: cause } });
  const details = await tx.joinRequest.findUniqueOrThrow({
    where: { id: request.id },
    select: { organization: { select: { legalName: true } }, requester: { select: { email: true } } },
  });
  await recordEvent(tx, {
    name: "join_request.escalated",
    actor,
    organizationId: request.organizationId,
    subjectId: request.organizationId,
    request: context,
    payload: { joinRequestId: request.id, requesterId: request.requesterId, cause },
  });
  const organizationName = details.organization.legalName;
  await queueMail(tx, { to: details.requester.email, ...squattingMails.escalatedToRequester({ organizationName, cause, link: portalLink(JOIN_REQUEST_PATH) }) });
  if (request.status === "PENDING") {
    const mail = squattingMails.escalatedToHolders({ organizationName, link: portalLink(`/editeur/organisation?organisation=${request.organizationId}#rattachements`) });
    await queueMail(tx, (await legalRepresentativeEmails(tx, request.organizationId)).map((to) => ({ to, ...mail })));
  }
}

/** The requester says they are the real legal representative: their pending or refused request goes to ANS. */
export async function claimLegalRepresentation(actor: Actor, rawId: unknown, context: RequestContext, now: Date = new Date()) {
  const id = parseRecordId(rawId, SQUATTING_MESSAGES.notFound);
  return db().$transaction(async (tx) => {
    const request = await lockJoinRequest(tx, id);
    // Someone else's request looks missing.
    if (request.requesterId !== actor.userId) throw new AppError("NOT_FOUND", SQUATTING_MESSAGES.notFound);
    const problem = claimProblem(request);
    if (problem) throw new AppError("CONFLICT", problem);
    await escalate(tx, request, "claim", userActor(actor.userId), context, now);
    return { escalated: true };
  });
}

/**
 * The daily job: pending requests unanswered for 15 days (their requester confirmed their address) go to ANS. Each
 * in its own transaction, so one bad row does not hold back the others.
 */
export async function escalateUnansweredJoinRequests(now: Date = new Date()): Promise<{ escalated: number }> {
  const due = await db().joinRequest.findMany({
    where: { status: "PENDING", escalatedAt: null, createdAt: { lte: escalationCutoff(now) }, requester: { emailVerifiedAt: { not: null }, status: "ACTIVE" } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
    take: 500,
  });
  let escalated = 0;
  for (const { id } of due) {
    const done = await db().$transaction(async (tx) => {
      const request = await lockJoinRequest(tx, id);
      if (request.status !== "PENDING" || request.escalatedAt) return false;
      await escalate(tx, request, "unanswered", systemActor("join_request_escalation"), undefined, now);
      return true;
    });
    if (done) escalated += 1;
  }
  return { escalated };
}

/** How many squatting cases wait for ANS (the queue tab's count). */
export async function countSquattingCases(): Promise<number> {
  return db().joinRequest.count({ where: { escalatedAt: { not: null }, ansResolvedAt: null } });
}

/** ANS's queue of squatting cases, the one escalated longest ago first. */
export async function squattingQueue(actor: Actor) {
  requireReviewer(actor);
  const where = { escalatedAt: { not: null }, ansResolvedAt: null };
  const [rows, total] = await Promise.all([
    db().joinRequest.findMany({
      where,
      orderBy: [{ escalatedAt: "asc" }, { id: "asc" }],
      take: QUEUE_LIMIT,
      select: {
        id: true,
        escalatedAt: true,
        escalationCause: true,
        status: true,
        createdAt: true,
        requester: { select: { name: true } },
        organization: { select: { id: true, legalName: true, siret: true, status: true } },
      },
    }),
    db().joinRequest.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      joinRequestId: r.id,
      escalatedAt: r.escalatedAt as Date,
      cause: r.escalationCause as EscalationCause,
      requestStatus: r.status,
      requestedAt: r.createdAt,
      requesterName: r.requester.name,
      organizationId: r.organization.id,
      legalName: r.organization.legalName,
      siret: r.organization.siret,
      organizationStatus: r.organization.status,
    })),
  };
}

/** One squatting case as ANS reads it: the request, its requester, the organisation and its people. */
export async function squattingCase(actor: Actor, rawId: unknown) {
  requireReviewer(actor);
  const id = parseRecordId(rawId, SQUATTING_MESSAGES.notFound);
  const found = await db().joinRequest.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      escalatedAt: true,
      escalationCause: true,
      ansResolution: true,
      ansResolvedAt: true,
      requester: { select: { id: true, name: true, email: true, status: true, emailVerifiedAt: true, proConnectSiret: true, proConnectSiretSeenAt: true } },
      organization: {
        select: {
          id: true,
          legalName: true,
          siret: true,
          address: true,
          status: true,
          statusReason: true,
          memberships: {
            orderBy: [{ isLegalRepresentative: "desc" }, { createdAt: "asc" }],
            select: { id: true, isLegalRepresentative: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
          },
        },
      },
    },
  });
  if (!found || !found.escalatedAt) throw new AppError("NOT_FOUND", SQUATTING_MESSAGES.notFound);
  const organization = found.organization;
  return {
    joinRequestId: found.id,
    requestStatus: found.status,
    requestedAt: found.createdAt,
    escalatedAt: found.escalatedAt,
    cause: found.escalationCause as EscalationCause,
    resolution: found.ansResolution,
    resolvedAt: found.ansResolvedAt,
    requester: {
      userId: found.requester.id,
      name: found.requester.name,
      email: found.requester.email,
      confirmed: found.requester.emailVerifiedAt !== null && found.requester.status === "ACTIVE",
      proConnectProofAt: found.requester.proConnectSiret === organization.siret ? found.requester.proConnectSiretSeenAt : null,
    },
    organization: { id: organization.id, legalName: organization.legalName, siret: organization.siret, address: organization.address, status: organization.status, statusReason: organization.statusReason },
    members: organization.memberships
      .filter((m) => m.user.id !== found.requester.id)
      .map((m) => ({ membershipId: m.id, name: m.user.name, email: m.user.email, isLegalRepresentative: m.isLegalRepresentative, since: m.createdAt })),
  };
}

function reasonOrThrow(raw: unknown): string {
  const checked = resolutionReasonProblem(raw);
  if ("problem" in checked) throw new AppError("VALIDATION", INVALID_FORM, { reason: checked.problem });
  return checked.reason;
}

/** Inside the transaction: removes members (never the requester), ends their sessions, records and mails each. */
async function removeMemberships(tx: Tx, input: { organizationId: string; organizationName: string; membershipIds: string[]; actorId: string; context: RequestContext }, now: Date) {
  const memberships = await tx.membership.findMany({
    where: { id: { in: input.membershipIds }, organizationId: input.organizationId },
    select: { id: true, userId: true, isLegalRepresentative: true, user: { select: { email: true, name: true } } },
  });
  if (memberships.length !== input.membershipIds.length) throw new AppError("VALIDATION", INVALID_FORM, { membershipIds: SQUATTING_MESSAGES.memberNotFound });
  for (const m of memberships) {
    await tx.membership.delete({ where: { id: m.id } });
    await revokeUserSessions(tx, { userId: m.userId, reason: "ROLES_CHANGED", actorId: input.actorId, request: input.context }, now);
    await recordEvent(tx, {
      name: "membership.removed",
      actor: userActor(input.actorId),
      organizationId: input.organizationId,
      subjectId: m.id,
      request: input.context,
      payload: { userId: m.userId, wasLegalRepresentative: m.isLegalRepresentative },
      personal: { email: m.user.email, name: m.user.name },
    });
    await queueMail(tx, { to: m.user.email, ...squattingMails.removed({ organizationName: input.organizationName, link: portalLink("/") }) });
  }
  return memberships.map((m) => m.userId);
}

async function openCase(tx: Tx, id: string) {
  const request = await lockJoinRequest(tx, id);
  const problem = caseProblem(request);
  if (problem) throw new AppError(request.escalatedAt ? "CONFLICT" : "NOT_FOUND", problem);
  const organization = await lockOrganizationRow(tx, request.organizationId);
  return { request, organization };
}

/**
 * ANS transfers the organisation to the requester, whom it found to be the real legal representative: the holders'
 * legal representatives are removed, the requester becomes the legal representative, and the organisation waits for
 * verification again on the evidence the new legal representative uploads (ADR 0047).
 */
export async function transferOrganization(actor: Actor, rawId: unknown, raw: { reason?: unknown }, context: RequestContext, now: Date = new Date()) {
  requireReviewer(actor);
  const id = parseRecordId(rawId, SQUATTING_MESSAGES.notFound);
  const reason = reasonOrThrow(raw.reason);
  return db().$transaction(async (tx) => {
    const { request, organization } = await openCase(tx, id);
    const requester = await tx.user.findUniqueOrThrow({ where: { id: request.requesterId }, select: { email: true, status: true, emailVerifiedAt: true } });
    if (requester.status !== "ACTIVE" || !requester.emailVerifiedAt) throw new AppError("CONFLICT", SQUATTING_MESSAGES.requesterInactive);
    const holders = await tx.membership.findMany({ where: { organizationId: request.organizationId, isLegalRepresentative: true, userId: { not: request.requesterId } }, select: { id: true } });
    const removedUserIds = await removeMemberships(tx, { organizationId: request.organizationId, organizationName: organization.legalName, membershipIds: holders.map((h) => h.id), actorId: actor.userId, context }, now);
    const membership = await tx.membership.upsert({
      where: { userId_organizationId: { userId: request.requesterId, organizationId: request.organizationId } },
      create: { userId: request.requesterId, organizationId: request.organizationId, isLegalRepresentative: true },
      update: { isLegalRepresentative: true },
      select: { id: true },
    });
    await tx.joinRequest.update({
      where: { id },
      data: { status: "ACCEPTED", decidedAt: request.status === "PENDING" ? now : undefined, decidedById: request.status === "PENDING" ? actor.userId : undefined, ansResolution: "transferred", ansResolvedAt: now, ansResolvedById: actor.userId },
    });
    await resetOrganizationVerification(tx, { organizationId: request.organizationId, actorId: actor.userId, cause: "legal_representative_named", request: context }, now);
    await recordEvent(tx, {
      name: "join_request.transferred",
      actor: userActor(actor.userId),
      organizationId: request.organizationId,
      subjectId: request.organizationId,
      request: context,
      payload: { joinRequestId: id, requesterId: request.requesterId, membershipId: membership.id, removedUserIds, reason },
    });
    const link = portalLink(organizationVerificationPath(request.organizationId));
    await queueMail(tx, { to: requester.email, ...squattingMails.transferredToRequester({ organizationName: organization.legalName, link }) });
    const others = (await organizationEmails(tx, request.organizationId)).filter((to) => to !== requester.email);
    const mail = squattingMails.transferredToMembers({ organizationName: organization.legalName, link });
    await queueMail(tx, others.map((to) => ({ to, ...mail })));
    return { removed: removedUserIds.length };
  });
}

const membershipIdsInput = z.array(z.guid()).min(1).max(200);

/** ANS removes members of the organisation (the case stays open: it still transfers or refuses). */
export async function removeMembersByAns(actor: Actor, rawId: unknown, raw: { membershipIds?: unknown; reason?: unknown }, context: RequestContext, now: Date = new Date()) {
  requireReviewer(actor);
  const id = parseRecordId(rawId, SQUATTING_MESSAGES.notFound);
  const list = Array.isArray(raw.membershipIds) ? raw.membershipIds : raw.membershipIds === undefined || raw.membershipIds === "" ? [] : [raw.membershipIds];
  const ids = membershipIdsInput.safeParse(list);
  const errors: Record<string, string> = {};
  if (!ids.success) errors.membershipIds = list.length === 0 ? SQUATTING_MESSAGES.noMemberChosen : SQUATTING_MESSAGES.memberNotFound;
  const checked = resolutionReasonProblem(raw.reason);
  if ("problem" in checked) errors.reason = checked.problem;
  if (!ids.success || "problem" in checked) throw new AppError("VALIDATION", INVALID_FORM, errors);
  return db().$transaction(async (tx) => {
    const { request, organization } = await openCase(tx, id);
    const membershipIds = [...new Set(ids.data)];
    const requesterMembership = await tx.membership.findFirst({ where: { id: { in: membershipIds }, userId: request.requesterId }, select: { id: true } });
    if (requesterMembership) throw new AppError("VALIDATION", INVALID_FORM, { membershipIds: SQUATTING_MESSAGES.memberNotFound });
    const removedUserIds = await removeMemberships(tx, { organizationId: request.organizationId, organizationName: organization.legalName, membershipIds, actorId: actor.userId, context }, now);
    await recordEvent(tx, {
      name: "join_request.members_removed",
      actor: userActor(actor.userId),
      organizationId: request.organizationId,
      subjectId: request.organizationId,
      request: context,
      payload: { joinRequestId: id, removedUserIds, reason: checked.reason },
    });
    return { removed: removedUserIds.length };
  });
}

/** ANS refuses the squatting organisation (status refusée with the reason); its people and the requester are told. */
export async function refuseSquattingOrganization(actor: Actor, rawId: unknown, raw: { reason?: unknown }, context: RequestContext, now: Date = new Date()) {
  requireReviewer(actor);
  const id = parseRecordId(rawId, SQUATTING_MESSAGES.notFound);
  const reason = reasonOrThrow(raw.reason);
  return db().$transaction(async (tx) => {
    const { request, organization } = await openCase(tx, id);
    const problem = squattingRefusalProblem(organization.status);
    if (problem) throw new AppError("CONFLICT", problem);
    await tx.organization.update({
      where: { id: request.organizationId },
      data: { status: "REFUSED", statusReason: reason, statusBeforeSuspension: null, statusChangedAt: now, statusChangedById: actor.userId, awaitingVerificationSince: null },
    });
    await tx.joinRequest.update({
      where: { id },
      data: { status: request.status === "PENDING" ? "REFUSED" : undefined, decidedAt: request.status === "PENDING" ? now : undefined, decidedById: request.status === "PENDING" ? actor.userId : undefined, ansResolution: "organization_refused", ansResolvedAt: now, ansResolvedById: actor.userId },
    });
    await recordEvent(tx, { name: "organization.refused", actor: userActor(actor.userId), organizationId: request.organizationId, subjectId: request.organizationId, request: context, payload: { from: organization.status, reason } });
    await recordEvent(tx, {
      name: "join_request.organization_refused",
      actor: userActor(actor.userId),
      organizationId: request.organizationId,
      subjectId: request.organizationId,
      request: context,
      payload: { joinRequestId: id, requesterId: request.requesterId, from: organization.status, reason },
    });
    const mail = organizationStatusMails.refused({ organizationName: organization.legalName, link: portalLink(organizationVerificationPath(request.organizationId)) });
    await queueMail(tx, (await organizationEmails(tx, request.organizationId)).map((to) => ({ to, ...mail })));
    const requester = await tx.user.findUniqueOrThrow({ where: { id: request.requesterId }, select: { email: true } });
    await queueMail(tx, { to: requester.email, ...squattingMails.refusedToRequester({ organizationName: organization.legalName, link: portalLink(JOIN_REQUEST_PATH) }) });
    return { refused: true };
  });
}
