import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { hashPassword } from "../auth/password.server";
import type { Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { hashInvitationToken, invitationState, isWellFormedInvitationToken, unusableInvitationMessages, type InvitationState } from "./invitation-token";
import { joinWithNewAccountSchema } from "./organization-schema";

export type UnusableInvitationState = Exclude<InvitationState, "pending"> | "unknown";

export type InvitationView =
  | {
      state: "pending";
      organizationName: string;
      email: string;
      asLegalRepresentative: boolean;
      expiresAt: Date;
      /** An account already uses the invited address: its owner signs in, then confirms. */
      accountExists: boolean;
    }
  | { state: UnusableInvitationState };

const ALREADY_MEMBER = "Vous êtes déjà membre de cette organisation.";
const ACCOUNT_EXISTS = "Un compte existe déjà avec cette adresse e-mail : connectez-vous pour rejoindre l'organisation.";

function unusable(state: UnusableInvitationState): AppError {
  return new AppError(state === "unknown" ? "NOT_FOUND" : "CONFLICT", unusableInvitationMessages[state].title + ".");
}

/** What the invitation page shows for a token. No account needed: the token is the credential. */
export async function invitationByToken(token: string, now: Date = new Date()): Promise<InvitationView> {
  if (!isWellFormedInvitationToken(token)) return { state: "unknown" };
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { organization: { select: { legalName: true } } },
  });
  if (!invitation) return { state: "unknown" };
  const state = invitationState(invitation, now);
  if (state !== "pending") return { state };
  const account = await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    state,
    organizationName: invitation.organization.legalName,
    email: invitation.email,
    asLegalRepresentative: invitation.asLegalRepresentative,
    expiresAt: invitation.expiresAt,
    accountExists: account !== null,
  };
}

/**
 * Marks the invitation accepted, or throws why it cannot be. The conditional update is the single-use
 * guarantee: of two concurrent requests, the second waits for the first's row lock, then matches nothing.
 */
async function claimInvitation(tx: Tx, token: string, now: Date) {
  if (!isWellFormedInvitationToken(token)) throw unusable("unknown");
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
  if (!invitation) throw unusable("unknown");
  const state = invitationState(invitation, now);
  if (state !== "pending") throw unusable(state);
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count !== 1) throw unusable("accepted");
  return invitation;
}

/** Two requests racing past the checks meet the unique constraints (user e-mail, one membership per user). */
function conflictOnDuplicate(error: unknown, message: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", message);
  }
  throw error;
}

/**
 * The invited colleague has no account: creates it with the invited address, the membership with the role
 * offered, and marks the invitation used, all in one transaction. Returns the e-mail to sign in with.
 */
export async function joinWithNewAccount(
  token: string,
  raw: unknown,
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ userId: string; organizationId: string; email: string }> {
  const parsed = joinWithNewAccountSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const passwordHash = await hashPassword(parsed.data.password);

  try {
    return await db().$transaction(async (tx) => {
      const invitation = await claimInvitation(tx, token, now);
      const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      if (existing) throw new AppError("CONFLICT", ACCOUNT_EXISTS);
      const user = await tx.user.create({
        data: { email: invitation.email, name: parsed.data.name, passwordHash, roles: ["EDITOR"] },
      });
      const membership = await tx.membership.create({
        data: { userId: user.id, organizationId: invitation.organizationId, isLegalRepresentative: invitation.asLegalRepresentative },
      });
      await recordEvent(tx, {
        name: "user.signed_up",
        actor: userActor(user.id),
        organizationId: invitation.organizationId,
        subjectId: user.id,
        request,
        payload: { via: "invitation" },
      });
      await recordEvent(tx, {
        name: "invitation.accepted",
        actor: userActor(user.id),
        organizationId: invitation.organizationId,
        subjectId: invitation.id,
        request,
        payload: { asLegalRepresentative: invitation.asLegalRepresentative, newAccount: true, membershipId: membership.id },
        personal: { email: invitation.email },
      });
      return { userId: user.id, organizationId: invitation.organizationId, email: invitation.email };
    });
  } catch (error) {
    conflictOnDuplicate(error, ACCOUNT_EXISTS);
  }
}

/** The invited colleague already has an account and is signed in with it: joins the organisation. */
export async function joinAsSignedInUser(
  actor: Actor,
  token: string,
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ organizationId: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const invitation = await claimInvitation(tx, token, now);
      const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { email: true, roles: true, status: true } });
      if (!user || user.status !== "ACTIVE") throw new AppError("UNAUTHENTICATED", "Connectez-vous pour accepter cette invitation.");
      if (user.email !== invitation.email) {
        throw new AppError("FORBIDDEN", "Cette invitation est adressée à une autre adresse e-mail que celle de votre compte. Connectez-vous avec le compte de l'adresse invitée.");
      }
      if (user.roles.some((role) => role !== "EDITOR")) {
        throw new AppError("FORBIDDEN", "Un compte de l'ANS ne peut pas rejoindre une organisation d'éditeur.");
      }
      const already = await tx.membership.findUnique({
        where: { userId_organizationId: { userId: actor.userId, organizationId: invitation.organizationId } },
        select: { id: true },
      });
      if (already) throw new AppError("CONFLICT", ALREADY_MEMBER);
      if (!user.roles.includes("EDITOR")) await tx.user.update({ where: { id: actor.userId }, data: { roles: { push: "EDITOR" } } });
      const membership = await tx.membership.create({
        data: { userId: actor.userId, organizationId: invitation.organizationId, isLegalRepresentative: invitation.asLegalRepresentative },
      });
      await recordEvent(tx, {
        name: "invitation.accepted",
        actor: userActor(actor.userId),
        organizationId: invitation.organizationId,
        subjectId: invitation.id,
        request,
        payload: { asLegalRepresentative: invitation.asLegalRepresentative, newAccount: false, membershipId: membership.id },
        personal: { email: invitation.email },
      });
      return { organizationId: invitation.organizationId };
    });
  } catch (error) {
    conflictOnDuplicate(error, ALREADY_MEMBER);
  }
}
