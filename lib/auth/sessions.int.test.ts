import { describe, expect, it } from "vitest";
import { setAnsAccountActive, setAnsAccountAdmin } from "../ans-accounts/ans-accounts.server";
import { createPerson } from "../catalogue/test-fixtures.server";
import { db } from "../db.server";
import { testRequest } from "../organizations/test-fixtures.server";
import type { PlatformRole } from "./permissions";
import { endSessionAtSignOut, isSessionActive, openSession, revokeUserSessions } from "./sessions.server";

const hours = (base: Date, h: number) => new Date(base.getTime() + h * 3600_000);
const minutes = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);

async function signedIn(roles: PlatformRole[], at = new Date()) {
  const person = await createPerson(roles);
  const sessionId = await db().$transaction((tx) => openSession(tx, { id: person.userId, roles }, testRequest, at));
  return { person, sessionId };
}

const lastSeen = async (id: string) => (await db().session.findUniqueOrThrow({ where: { id } })).lastSeenAt;

describe("sessions in PostgreSQL", () => {
  it("end at sign-out, at once and for good, with the event recorded once", async () => {
    const { person, sessionId } = await signedIn(["EDITOR"]);
    expect(await isSessionActive(sessionId, person.userId)).toBe(true);
    await endSessionAtSignOut({ id: sessionId, userId: person.userId }, testRequest);
    expect(await isSessionActive(sessionId, person.userId)).toBe(false);
    await endSessionAtSignOut({ id: sessionId, userId: person.userId }, testRequest);
    expect(await db().session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ revokedReason: "SIGNED_OUT" });
    expect(await db().event.count({ where: { name: "user.signed_out", actorId: person.userId } })).toBe(1);
  });

  it("belong to their user: another user's id, a malformed id or an unknown one open nothing", async () => {
    const { sessionId } = await signedIn(["EDITOR"]);
    const other = await createPerson(["EDITOR"]);
    expect(await isSessionActive(sessionId, other.userId)).toBe(false);
    expect(await isSessionActive("pas-un-uuid", other.userId)).toBe(false);
    expect(await isSessionActive("00000000-0000-4000-8000-000000000000", other.userId)).toBe(false);
    expect(await isSessionActive(undefined, other.userId)).toBe(false);
  });

  it("time out after 2 idle hours for ANS accounts and 8 for editors, and after 12 hours whatever the activity", async () => {
    const t0 = new Date();
    const ans = await signedIn(["ANS_REVIEWER"], t0);
    const editor = await signedIn(["EDITOR"], t0);
    expect(await isSessionActive(ans.sessionId, ans.person.userId, minutes(t0, 119))).toBe(true);
    expect(await isSessionActive(ans.sessionId, ans.person.userId, minutes(t0, 119 + 120))).toBe(false);
    // The editor stays active by coming back every 7 hours … until the 12th hour.
    expect(await isSessionActive(editor.sessionId, editor.person.userId, hours(t0, 7))).toBe(true);
    expect(await isSessionActive(editor.sessionId, editor.person.userId, hours(t0, 11.9))).toBe(true);
    expect(await isSessionActive(editor.sessionId, editor.person.userId, hours(t0, 12))).toBe(false);
  });

  it("write lastSeen at most once per 5 minutes, however many requests arrive together", async () => {
    const t0 = new Date();
    const { person, sessionId } = await signedIn(["EDITOR"], t0);
    await isSessionActive(sessionId, person.userId, minutes(t0, 4));
    expect(await lastSeen(sessionId)).toEqual(t0);
    const burst = Array.from({ length: 20 }, (_, i) => isSessionActive(sessionId, person.userId, new Date(minutes(t0, 5).getTime() + i)));
    expect(await Promise.all(burst)).toEqual(Array(20).fill(true));
    const seen = await lastSeen(sessionId);
    // Exactly one of the 20 wrote: the first to pass the condition; the others found it fresh.
    expect(seen.getTime() - minutes(t0, 5).getTime()).toBeGreaterThanOrEqual(0);
    expect(seen.getTime() - minutes(t0, 5).getTime()).toBeLessThan(20);
    await isSessionActive(sessionId, person.userId, minutes(t0, 9));
    expect(await lastSeen(sessionId)).toEqual(seen);
  });

  it("are all revoked by a password change, except the one that made it, and recorded", async () => {
    const t0 = new Date();
    const { person, sessionId: current } = await signedIn(["EDITOR"], t0);
    const other = await db().$transaction((tx) => openSession(tx, { id: person.userId, roles: ["EDITOR"] }, testRequest, t0));
    const count = await db().$transaction((tx) =>
      revokeUserSessions(tx, { userId: person.userId, reason: "PASSWORD_CHANGED", actorId: person.userId, request: testRequest, exceptSessionId: current }),
    );
    expect(count).toBe(1);
    expect(await isSessionActive(other, person.userId)).toBe(false);
    expect(await isSessionActive(current, person.userId)).toBe(true);
    const event = await db().event.findFirstOrThrow({ where: { name: "user.sessions_revoked", subjectId: person.userId } });
    expect(event.payload).toEqual({ reason: "PASSWORD_CHANGED", count: 1 });
  });

  it("are revoked when an administrator disables an account or changes its role", async () => {
    const admin = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"]);
    const disabled = await signedIn(["ANS_REVIEWER"]);
    const promoted = await signedIn(["ANS_REVIEWER"]);
    const bystander = await signedIn(["ANS_REVIEWER"]);
    await setAnsAccountActive(admin, { userId: disabled.person.userId, active: false }, testRequest);
    await setAnsAccountAdmin(admin, { userId: promoted.person.userId, admin: true }, testRequest);
    expect(await isSessionActive(disabled.sessionId, disabled.person.userId)).toBe(false);
    expect(await isSessionActive(promoted.sessionId, promoted.person.userId)).toBe(false);
    expect(await isSessionActive(bystander.sessionId, bystander.person.userId)).toBe(true);
    const reasons = await db().session.findMany({ where: { id: { in: [disabled.sessionId, promoted.sessionId] } }, select: { id: true, revokedReason: true } });
    expect(Object.fromEntries(reasons.map((r) => [r.id, r.revokedReason]))).toEqual({
      [disabled.sessionId]: "ACCOUNT_DISABLED",
      [promoted.sessionId]: "ROLES_CHANGED",
    });
  });
});
