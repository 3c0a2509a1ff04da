// Pure: how long a session lives (ADR 0015).
import type { PlatformRole } from "./permissions";

export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const ANS_IDLE_SECONDS = 2 * 60 * 60;
export const EDITOR_IDLE_SECONDS = 8 * 60 * 60;
/** `lastSeenAt` is written at most this often per session. */
export const LAST_SEEN_RESOLUTION_SECONDS = 5 * 60;

/** ANS accounts reach every dossier: a shorter idle timeout than editors. */
export function idleTimeoutSecondsFor(roles: readonly PlatformRole[]): number {
  return roles.some((role) => role === "ANS_REVIEWER" || role === "ANS_ADMIN") ? ANS_IDLE_SECONDS : EDITOR_IDLE_SECONDS;
}

export type SessionTimes = {
  lastSeenAt: Date;
  expiresAt: Date;
  idleTimeoutSeconds: number;
  revokedAt: Date | null;
};

export type SessionState = "active" | "revoked" | "expired" | "idle";

/**
 * Whether a session still holds at `now`. Idleness is measured from `lastSeenAt`, which lags real activity by at
 * most LAST_SEEN_RESOLUTION_SECONDS: a session may end up to 5 minutes early, never late.
 */
export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.revokedAt) return "revoked";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= session.idleTimeoutSeconds * 1000) return "idle";
  return "active";
}

/** True when `lastSeenAt` is old enough to be written again. */
export function lastSeenIsStale(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_SECONDS * 1000;
}

export function newSessionTimes(roles: readonly PlatformRole[], now: Date) {
  return {
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000),
    idleTimeoutSeconds: idleTimeoutSecondsFor(roles),
  };
}
