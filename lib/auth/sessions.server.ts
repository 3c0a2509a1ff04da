import "server-only";
// Sessions in PostgreSQL (ADR 0015): opened at sign-in, checked on every request, revoked at sign-out, password
// change, account disablement or role change.
import { ANONYMOUS, userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { db, type Tx } from "../db.server";
import type { SessionEndReason } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import type { PlatformRole } from "./permissions";
import { LAST_SEEN_RESOLUTION_SECONDS, newSessionTimes, sessionState } from "./session-policy";

export type { SessionEndReason };

/** Opens a session for a user who just proved who they are; returns its id, which the session cookie carries. */
export async function openSession(
  tx: Tx,
  user: { id: string; roles: readonly PlatformRole[] },
  request: RequestContext,
  now: Date,
): Promise<string> {
  const session = await tx.session.create({
    data: { userId: user.id, ...newSessionTimes(user.roles, now), ip: request.ip, userAgent: request.userAgent.slice(0, 500) },
    select: { id: true },
  });
  return session.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when the session exists, belongs to `userId` and holds at `now` (not revoked, within 12 hours, not idle).
 * Writes `lastSeenAt` at most once per 5 minutes: the conditional update lets one request per period through,
 * whatever the number of instances.
 */
export async function isSessionActive(sessionId: unknown, userId: unknown, now: Date = new Date()): Promise<boolean> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId) || typeof userId !== "string") return false;
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: { userId: true, lastSeenAt: true, expiresAt: true, idleTimeoutSeconds: true, revokedAt: true },
  });
  if (!session || session.userId !== userId || sessionState(session, now) !== "active") return false;
  const staleBefore = new Date(now.getTime() - LAST_SEEN_RESOLUTION_SECONDS * 1000);
  if (session.lastSeenAt <= staleBefore) {
    await db().session.updateMany({ where: { id: sessionId, lastSeenAt: { lte: staleBefore } }, data: { lastSeenAt: now } });
  }
  return true;
}

/** The session has just passed a second-factor check (sign-in step, step-up, enrolment, ProConnect's acr). */
export async function markSecondFactorPassed(tx: Tx, sessionId: string, now: Date = new Date()): Promise<void> {
  await tx.session.update({ where: { id: sessionId }, data: { secondFactorAt: now } });
}

/** Ends one session (sign-out). Idempotent: an already ended session stays as it was. */
export async function revokeSession(tx: Tx, sessionId: string, reason: SessionEndReason, now: Date = new Date()): Promise<boolean> {
  if (!UUID.test(sessionId)) return false;
  const { count } = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  return count > 0;
}

/**
 * Ends every open session of a user, in the transaction of the change that requires it (password change, account
 * disablement, role change), and records it. `exceptSessionId` keeps the session of the person making a change
 * to their own account (a password change keeps the current session, ends the others).
 */
export async function revokeUserSessions(
  tx: Tx,
  input: { userId: string; reason: Exclude<SessionEndReason, "SIGNED_OUT">; actorId: string | null; request?: RequestContext; exceptSessionId?: string },
  now: Date = new Date(),
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId: input.userId, revokedAt: null, expiresAt: { gt: now }, ...(input.exceptSessionId ? { id: { not: input.exceptSessionId } } : {}) },
    data: { revokedAt: now, revokedReason: input.reason },
  });
  if (count > 0) {
    await recordEvent(tx, {
      name: "user.sessions_revoked",
      actor: input.actorId ? userActor(input.actorId) : ANONYMOUS,
      subjectId: input.userId,
      request: input.request,
      payload: { reason: input.reason, count },
    });
  }
  return count;
}

/** Sign-out: the session ends at once, and the event is recorded with it. */
export async function endSessionAtSignOut(session: { id: string; userId: string }, request: RequestContext, now: Date = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const ended = await revokeSession(tx, session.id, "SIGNED_OUT", now);
    if (ended) await recordEvent(tx, { name: "user.signed_out", actor: userActor(session.userId), subjectId: session.userId, request, payload: {} });
  });
}
