import "server-only";
// Join requests ("demandes de rattachement", issue 22, ADR 0048): a SIRET that already has an organisation never
// gets a second one. Signing up with it, or asking from a signed-in account, makes a request that the organisation's
// legal representatives accept or refuse. The requester learns that the company has an account, never who holds it.
import { z } from "zod";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { queueMail } from "../mail/outbox.server";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { INVALID_FORM } from "../validation";
import { siretSchema } from "./organization-schema";
import { joinRequestMails } from "./join-request-mail-texts";
import { LEGAL_REPRESENTATIVES_ONLY, parseRecordId } from "./organization-access.server";

export const JOIN_REQUESTS_PER_HOUR = 20;
export const JOIN_REQUEST_PATH = "/compte/rattachement";

export const JOIN_REQUEST_MESSAGES = {
  notFound: "Cette demande de rattachement est introuvable.",
  ownOrganization: "Vous êtes déjà membre de cette organisation.",
  noOrganization: "Aucune organisation n'est inscrite avec ce SIRET : inscrivez-la depuis la page d'inscription.",
  alreadyPending: "Une demande de rattachement à cette organisation est déjà en attente.",
  throttled: `Vous avez fait ${JOIN_REQUESTS_PER_HOUR} demandes de rattachement en une heure : réessayez plus tard.`,
  decided: "Cette demande a déjà reçu une réponse.",
  unconfirmed: "Le demandeur n'a pas encore confirmé son adresse e-mail : sa demande ne peut pas encore être acceptée.",
} as const;

async function legalRepresentativeEmails(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { organizationId, isLegalRepresentative: true, user: { status: "ACTIVE" } },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(rows.map((r) => r.user.email))];
}

/**
 * Inside the caller's transaction: a pending request of `requesterId` to join the organisation, its event, and the
 * mail to the organisation's legal representatives. At most 20 per account and hour; never for one's own organisation.
 */
export async function createJoinRequest(
  tx: Tx,
  input: { requesterId: string; organizationId: string; asLegalRepresentative: boolean; request?: RequestContext },
  now: Date = new Date(),
): Promise<{ joinRequestId: string }> {
  // One at a time per requester: the count below cannot be raced.
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${input.requesterId}::uuid FOR UPDATE`;
  const recent = await tx.joinRequest.count({ where: { requesterId: input.requesterId, createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
  if (recent >= JOIN_REQUESTS_PER_HOUR) {
    throw new AppError("RATE_LIMITED", JOIN_REQUEST_MESSAGES.throttled);
  }
  const member = await tx.membership.findUnique({ where: { userId_organizationId: { userId: input.requesterId, organizationId: input.organizationId } }, select: { id: true } });
  if (member) throw new AppError("CONFLICT", INVALID_FORM, { siret: JOIN_REQUEST_MESSAGES.ownOrganization });
  const pending = await tx.joinRequest.findFirst({ where: { requesterId: input.requesterId, organizationId: input.organizationId, status: "PENDING" }, select: { id: true } });
  if (pending) throw new AppError("CONFLICT", INVALID_FORM, { siret: JOIN_REQUEST_MESSAGES.alreadyPending });
  const joinRequest = await tx.joinRequest.create({
    data: { requesterId: input.requesterId, organizationId: input.organizationId, asLegalRepresentative: input.asLegalRepresentative, createdAt: now },
    select: { id: true, organization: { select: { legalName: true } }, requester: { select: { name: true } } },
  });
  await recordEvent(tx, {
    name: "join_request.created",
    actor: userActor(input.requesterId),
    organizationId: input.organizationId,
    subjectId: input.organizationId,
    request: input.request,
    payload: { joinRequestId: joinRequest.id, requesterId: input.requesterId },
  });
  const mail = joinRequestMails.received({
    organizationName: joinRequest.organization.legalName,
    requesterName: joinRequest.requester.name,
    link: portalLink(`/editeur/organisation?organisation=${input.organizationId}#rattachements`),
  });
  await queueMail(tx, (await legalRepresentativeEmails(tx, input.organizationId)).map((to) => ({ to, ...mail })));
  return { joinRequestId: joinRequest.id };
}

const siretInput = z.object({ siret: siretSchema });

/** A signed-in person asks to join the organisation of a SIRET (never told who holds it). */
export async function requestToJoin(actor: Actor, raw: unknown, request: RequestContext, now: Date = new Date()) {
  const parsed = siretInput.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, { siret: parsed.error.issues[0]?.message ?? "SIRET invalide." });
  return db().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { siret: parsed.data.siret }, select: { id: true } });
    if (!organization) throw new AppError("NOT_FOUND", INVALID_FORM, { siret: JOIN_REQUEST_MESSAGES.noOrganization });
    return createJoinRequest(tx, { requesterId: actor.userId, organizationId: organization.id, asLegalRepresentative: false, request }, now);
  });
}

/** A legal representative accepts (the requester becomes a member) or refuses a pending request; the requester is told. */
export async function decideJoinRequest(actor: Actor, rawId: unknown, accept: boolean, request: RequestContext, now: Date = new Date()) {
  const id = parseRecordId(rawId, JOIN_REQUEST_MESSAGES.notFound);
  return db().$transaction(async (tx) => {
    const found = await tx.joinRequest.findUnique({ where: { id }, select: { organizationId: true } });
    // Another organisation's request looks missing.
    if (!found || !can(actor, { type: "organization.update", organizationId: found.organizationId })) throw new AppError("NOT_FOUND", JOIN_REQUEST_MESSAGES.notFound);
    if (!can(actor, { type: "organization.manageLegalRepresentatives", organizationId: found.organizationId })) throw new AppError("FORBIDDEN", LEGAL_REPRESENTATIVES_ONLY);
    const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS "status" FROM "JoinRequest" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (rows[0]?.status !== "PENDING") throw new AppError("CONFLICT", JOIN_REQUEST_MESSAGES.decided);
    const joinRequest = await tx.joinRequest.findUniqueOrThrow({
      where: { id },
      select: { requesterId: true, organizationId: true, organization: { select: { legalName: true } }, requester: { select: { email: true, name: true, emailVerifiedAt: true } } },
    });
    const representative = await tx.membership.findUnique({ where: { userId_organizationId: { userId: actor.userId, organizationId: joinRequest.organizationId } }, select: { isLegalRepresentative: true } });
    if (!representative?.isLegalRepresentative) throw new AppError("FORBIDDEN", LEGAL_REPRESENTATIVES_ONLY);
    if (accept && !joinRequest.requester.emailVerifiedAt) throw new AppError("CONFLICT", JOIN_REQUEST_MESSAGES.unconfirmed);
    await tx.joinRequest.update({ where: { id }, data: { status: accept ? "ACCEPTED" : "REFUSED", decidedAt: now, decidedById: actor.userId } });
    const context = { organizationName: joinRequest.organization.legalName, link: portalLink(accept ? "/editeur" : JOIN_REQUEST_PATH) };
    if (accept) {
      const membership = await tx.membership.create({ data: { userId: joinRequest.requesterId, organizationId: joinRequest.organizationId }, select: { id: true } });
      await recordEvent(tx, {
        name: "join_request.accepted",
        actor: userActor(actor.userId),
        organizationId: joinRequest.organizationId,
        subjectId: joinRequest.organizationId,
        request,
        payload: { joinRequestId: id, requesterId: joinRequest.requesterId, membershipId: membership.id },
      });
      await queueMail(tx, { to: joinRequest.requester.email, ...joinRequestMails.accepted(context) });
    } else {
      await recordEvent(tx, {
        name: "join_request.refused",
        actor: userActor(actor.userId),
        organizationId: joinRequest.organizationId,
        subjectId: joinRequest.organizationId,
        request,
        payload: { joinRequestId: id, requesterId: joinRequest.requesterId },
      });
      await queueMail(tx, { to: joinRequest.requester.email, ...joinRequestMails.refused(context) });
    }
    return { requesterName: joinRequest.requester.name, accepted: accept };
  });
}

/** The pending requests an organisation's page lists (requesters who confirmed their address). */
export async function pendingJoinRequests(organizationId: string) {
  const rows = await db().joinRequest.findMany({
    where: { organizationId, status: "PENDING", requester: { emailVerifiedAt: { not: null }, status: "ACTIVE" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, requester: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({ joinRequestId: r.id, createdAt: r.createdAt, name: r.requester.name, email: r.requester.email }));
}

/** The requester's own requests, for the page they see while they belong to no organisation. */
export async function joinRequestsOf(userId: string) {
  const rows = await db().joinRequest.findMany({
    where: { requesterId: userId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, status: true, createdAt: true, decidedAt: true, escalatedAt: true, ansResolvedAt: true, organization: { select: { legalName: true, siret: true } } },
  });
  return rows.map((r) => ({
    joinRequestId: r.id,
    status: r.status,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    escalatedAt: r.escalatedAt,
    resolvedAt: r.ansResolvedAt,
    legalName: r.organization.legalName,
    siret: r.organization.siret,
  }));
}
