import { describe, expect, it } from "vitest";
import { openSession } from "../auth/sessions.server";
import type { PlatformRole } from "../auth/permissions";
import { db } from "../db.server";
import { createOrganization, createPerson } from "../testing/catalogue-fixtures.server";
import { testRequest } from "../testing/organization-fixtures.server";
import {
  confirmTotpEnrolment,
  pendingTotpEnrolment,
  regenerateRecoveryCodes,
  removeOwnTotpFactor,
  requireFreshSecondFactor,
  SECOND_FACTOR_MESSAGES,
  secondFactorOverview,
  verifySecondFactor,
} from "./second-factor.server";
import { timeStep, totpCodeAt } from "./totp";

const LIMITS = { windowMinutes: 15, freeFailuresPerPair: 3, maxDelaySeconds: 30, maxFailuresPerIp: 1000 };
let address = 0;
// Each test from its own address: the limits count per (account, address) and per address.
const request = () => ({ ...testRequest, ip: `198.51.100.${++address}` });

async function enrolled(roles: PlatformRole[] = ["ANS_REVIEWER"], now = new Date()) {
  const person = await createPerson(roles);
  const sessionId = await db().$transaction((tx) => openSession(tx, { id: person.userId, roles }, testRequest, now));
  const pending = (await pendingTotpEnrolment(person))!;
  const { recoveryCodes } = await confirmTotpEnrolment(person, sessionId, { code: totpCodeAt(pending.secret, timeStep(now) - 1) }, request(), { now });
  // A new session, not yet through its second factor.
  const next = await db().$transaction((tx) => openSession(tx, { id: person.userId, roles }, testRequest, now));
  return { person, secret: pending.secret, recoveryCodes, sessionId: next };
}

const secondFactorAt = async (sessionId: string) => (await db().session.findUniqueOrThrow({ where: { id: sessionId } })).secondFactorAt;
const lastUsedStep = async (userId: string) => (await db().totpFactor.findUniqueOrThrow({ where: { userId } })).lastUsedStep;

describe("TOTP enrolment", () => {
  it("keeps the secret encrypted, the same until confirmed, and confirms with a right code only", async () => {
    const person = await createPerson(["ANS_ADMIN"]);
    const sessionId = await db().$transaction((tx) => openSession(tx, { id: person.userId, roles: ["ANS_ADMIN"] }, testRequest, new Date()));
    const pending = (await pendingTotpEnrolment(person))!;
    expect(pending.qrSvg).toMatch(/^<svg/);
    expect((await pendingTotpEnrolment(person))!.secret).toBe(pending.secret);
    const stored = await db().totpFactor.findUniqueOrThrow({ where: { userId: person.userId } });
    expect(stored.secretEncrypted).not.toContain(pending.secret);

    await expect(confirmTotpEnrolment(person, sessionId, { code: "000000" }, request())).rejects.toThrow(/Code incorrect/);
    expect((await db().totpFactor.findUniqueOrThrow({ where: { userId: person.userId } })).confirmedAt).toBeNull();
    expect(await db().recoveryCode.count({ where: { userId: person.userId } })).toBe(0);
    expect(await secondFactorAt(sessionId)).toBeNull();

    const now = new Date();
    const { recoveryCodes } = await confirmTotpEnrolment(person, sessionId, { code: totpCodeAt(pending.secret, timeStep(now)) }, request(), { now });
    expect(recoveryCodes).toHaveLength(10);
    const hashes = await db().recoveryCode.findMany({ where: { userId: person.userId } });
    expect(hashes).toHaveLength(10);
    for (const { codeHash } of hashes) expect(recoveryCodes.join(" ")).not.toContain(codeHash);
    expect(await secondFactorAt(sessionId)).toEqual(now);
    expect(await pendingTotpEnrolment(person)).toBeNull();
    expect(await secondFactorOverview(person.userId)).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });
    expect(await db().event.count({ where: { name: "user.second_factor_enrolled", subjectId: person.userId } })).toBe(1);
  });
});

describe("the second-factor check", () => {
  it("passes with the current code and marks the session", async () => {
    const now = new Date();
    const { person, secret, sessionId } = await enrolled();
    await verifySecondFactor(person, sessionId, { code: totpCodeAt(secret, timeStep(now)) }, "sign_in", request(), { now });
    expect(await secondFactorAt(sessionId)).toEqual(now);
    expect(Number(await lastUsedStep(person.userId))).toBe(timeStep(now));
  });

  it("refuses a wrong code, a replayed one and one from two windows ago, writing nothing but the failure", async () => {
    const now = new Date();
    const { person, secret, sessionId } = await enrolled();
    const before = await lastUsedStep(person.userId);
    await expect(verifySecondFactor(person, sessionId, { code: "123456" === totpCodeAt(secret, timeStep(now)) ? "654321" : "123456" }, "sign_in", request(), { now })).rejects.toThrow(/Code incorrect/);
    await expect(verifySecondFactor(person, sessionId, { code: totpCodeAt(secret, timeStep(now) - 2) }, "sign_in", request(), { now })).rejects.toThrow(/Code incorrect/);
    // The enrolment used the previous step: its code, replayed, is refused.
    await expect(verifySecondFactor(person, sessionId, { code: totpCodeAt(secret, timeStep(now) - 1) }, "sign_in", request(), { now })).rejects.toThrow(/déjà servi/);
    expect(await secondFactorAt(sessionId)).toBeNull();
    expect(await lastUsedStep(person.userId)).toEqual(before);

    await verifySecondFactor(person, sessionId, { code: totpCodeAt(secret, timeStep(now)) }, "sign_in", request(), { now });
    const other = await db().$transaction((tx) => openSession(tx, { id: person.userId, roles: ["ANS_REVIEWER"] }, testRequest, now));
    await expect(verifySecondFactor(person, other, { code: totpCodeAt(secret, timeStep(now)) }, "sign_in", request(), { now })).rejects.toThrow(/déjà servi/);
    expect(await secondFactorAt(other)).toBeNull();
    expect(await db().event.count({ where: { name: "user.second_factor_failed", subjectId: person.userId } })).toBe(4);
  });

  it("lets one of two concurrent uses of the same code through", async () => {
    const now = new Date();
    const { person, secret, sessionId } = await enrolled();
    const code = totpCodeAt(secret, timeStep(now));
    const results = await Promise.allSettled([
      verifySecondFactor(person, sessionId, { code }, "sign_in", request(), { now }),
      verifySecondFactor(person, sessionId, { code }, "sign_in", request(), { now }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("accepts each recovery code once", async () => {
    const { person, recoveryCodes, sessionId } = await enrolled();
    await verifySecondFactor(person, sessionId, { code: recoveryCodes[0]!.toLowerCase() }, "sign_in", request());
    await expect(verifySecondFactor(person, sessionId, { code: recoveryCodes[0]! }, "step_up", request())).rejects.toThrow(/code de secours a déjà servi/);
    await expect(verifySecondFactor(person, sessionId, { code: "AAAAA-AAAAA" }, "step_up", request())).rejects.toThrow(/code de secours a déjà servi/);
    expect(await secondFactorOverview(person.userId)).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("is limited like passwords: after the free failures, the next attempt waits, even with the right code", async () => {
    const now = new Date();
    const { person, secret, sessionId } = await enrolled();
    const from = request();
    for (let i = 0; i < LIMITS.freeFailuresPerPair; i++) {
      await expect(verifySecondFactor(person, sessionId, { code: "000000" }, "sign_in", from, { now, limits: LIMITS })).rejects.toThrow(/Code incorrect/);
    }
    await expect(verifySecondFactor(person, sessionId, { code: totpCodeAt(secret, timeStep(now)) }, "sign_in", from, { now, limits: LIMITS })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await secondFactorAt(sessionId)).toBeNull();
  });

  it("refuses an account without a factor, and rubbish, in French", async () => {
    const person = await createPerson(["EDITOR"]);
    const sessionId = await db().$transaction((tx) => openSession(tx, { id: person.userId, roles: ["EDITOR"] }, testRequest, new Date()));
    await expect(verifySecondFactor(person, sessionId, { code: "123456" }, "sign_in", request())).rejects.toThrow(/Aucune application/);
    const { person: staff, sessionId: staffSession } = await enrolled();
    for (const code of [undefined, "", "x".repeat(100), 42]) {
      await expect(verifySecondFactor(staff, staffSession, { code }, "sign_in", request())).rejects.toMatchObject({ code: "VALIDATION" });
    }
  });
});

describe("step-up and recovery codes", () => {
  it("refuses a sensitive act without a check of the last ten minutes, and regenerating kills the old codes", async () => {
    const now = new Date();
    const { person, recoveryCodes, sessionId } = await enrolled();
    expect(() => requireFreshSecondFactor(null, now)).toThrow(/confirmer votre identité/);
    expect(() => requireFreshSecondFactor(new Date(now.getTime() - 11 * 60_000), now)).toThrow(/confirmer votre identité/);
    expect(() => requireFreshSecondFactor(new Date(now.getTime() - 60_000), now)).not.toThrow();

    await expect(regenerateRecoveryCodes(person, null, request(), now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().recoveryCode.count({ where: { userId: person.userId, usedAt: null } })).toBe(10);
    const fresh = await regenerateRecoveryCodes(person, now, request(), now);
    expect(fresh).toHaveLength(10);
    await expect(verifySecondFactor(person, sessionId, { code: recoveryCodes[1]! }, "sign_in", request())).rejects.toThrow(/code de secours/);
    await verifySecondFactor(person, sessionId, { code: fresh[1]! }, "sign_in", request());
  });
});

describe("an administrator's reset of another account's second factors", () => {
  it("needs a reason, removes the factor and codes, ends the sessions, mails the person and records the event", async () => {
    const { resetAnsSecondFactors } = await import("../ans-accounts/ans-accounts.server");
    const admin = await createPerson(["ANS_ADMIN"]);
    const { person, sessionId } = await enrolled();
    await expect(resetAnsSecondFactors(admin, { userId: person.userId, reason: "" }, request())).rejects.toMatchObject({ code: "VALIDATION" });
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    await expect(resetAnsSecondFactors(reviewer, { userId: person.userId, reason: "Téléphone perdu" }, request())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await secondFactorOverview(person.userId)).toMatchObject({ totpEnabled: true });

    await resetAnsSecondFactors(admin, { userId: person.userId, reason: "Téléphone perdu" }, request());
    expect(await secondFactorOverview(person.userId)).toEqual({ totpEnabled: false, totpSince: null, recoveryCodesLeft: 0 });
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    expect(await db().event.count({ where: { name: "user.second_factors_reset", subjectId: person.userId } })).toBe(1);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: person.email, kind: "user.second_factors_reset" } });
    expect(mail.text).toContain("Motif : Téléphone perdu");
  });
});

describe("removing one's own authenticator app", () => {
  /** An existing person's factor enrolled, as the enrolment page does it. */
  async function enrol(person: { userId: string; email: string }, now = new Date()) {
    const sessionId = await db().$transaction((tx) => openSession(tx, { id: person.userId, roles: ["EDITOR"] }, testRequest, now));
    const pending = (await pendingTotpEnrolment(person))!;
    await confirmTotpEnrolment(person, sessionId, { code: totpCodeAt(pending.secret, timeStep(now) - 1) }, request(), { now });
  }
  const removals = (userId: string) => db().event.count({ where: { name: "user.second_factor_removed", subjectId: userId } });

  it("removes an editor's factor and recovery codes after a fresh check, and records it", async () => {
    const editor = await createPerson(["EDITOR"]);
    await enrol(editor);
    const now = new Date();
    // Without a fresh check: 403, nothing changed.
    await expect(removeOwnTotpFactor(editor, null, request(), now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeOwnTotpFactor(editor, new Date(now.getTime() - 11 * 60_000), request(), now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await secondFactorOverview(editor.userId)).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });

    await removeOwnTotpFactor(editor, now, request(), now);
    expect(await secondFactorOverview(editor.userId)).toEqual({ totpEnabled: false, totpSince: null, recoveryCodesLeft: 0 });
    expect(await db().totpFactor.count({ where: { userId: editor.userId } })).toBe(0);
    expect(await removals(editor.userId)).toBe(1);
    // Nothing left to remove.
    await expect(removeOwnTotpFactor(editor, now, request(), now)).rejects.toMatchObject({ code: "CONFLICT", message: SECOND_FACTOR_MESSAGES.noFactor });
  });

  it("is refused, in French and with nothing written, when the account must keep it: an ANS role, or an organisation's requirement", async () => {
    const { person } = await enrolled(["ANS_REVIEWER"]);
    const now = new Date();
    await expect(removeOwnTotpFactor(person, now, request(), now)).rejects.toMatchObject({ code: "CONFLICT", message: SECOND_FACTOR_MESSAGES.lastForAnsRole });
    expect(await secondFactorOverview(person.userId)).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });
    expect(await removals(person.userId)).toBe(0);

    const org = await createOrganization();
    await enrol(org.member);
    await db().organization.update({ where: { id: org.organizationId }, data: { requireSecondFactor: true } });
    await expect(removeOwnTotpFactor(org.member, now, request(), now)).rejects.toMatchObject({ code: "CONFLICT", message: SECOND_FACTOR_MESSAGES.lastForOrganization });
    expect(await secondFactorOverview(org.member.userId)).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });
    expect(await removals(org.member.userId)).toBe(0);

    // Once the organisation lifts its requirement, the member may remove it.
    await db().organization.update({ where: { id: org.organizationId }, data: { requireSecondFactor: false } });
    await removeOwnTotpFactor(org.member, now, request(), now);
    expect(await secondFactorOverview(org.member.userId)).toMatchObject({ totpEnabled: false, recoveryCodesLeft: 0 });
  });
});
