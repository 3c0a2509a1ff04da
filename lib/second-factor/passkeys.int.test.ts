import { describe, expect, it } from "vitest";
import { openSession } from "../auth/sessions.server";
import type { PlatformRole } from "../auth/permissions";
import { db } from "../db.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { testRequest } from "../testing/organization-fixtures.server";
import { softwareAuthenticator, type SoftwareAuthenticator } from "../testing/software-authenticator";
import { relyingParty } from "./passkey-rules";
import { beginPasskeyAuthentication, beginPasskeyRegistration, finishPasskeyRegistration, listPasskeys, PASSKEY_MESSAGES, removeOwnPasskey, verifyPasskey } from "./passkeys.server";
import { secondFactorStanding } from "./requirement.server";
import { confirmTotpEnrolment, pendingTotpEnrolment, removeOwnTotpFactor, SECOND_FACTOR_MESSAGES } from "./second-factor.server";
import { timeStep, totpCodeAt } from "./totp";

const rp = relyingParty("https://confiance.example.fr", "http://unused");
const LIMITS = { windowMinutes: 15, freeFailuresPerPair: 3, maxDelaySeconds: 30, maxFailuresPerIp: 1000 };
let address = 0;
const request = () => ({ ...testRequest, ip: `203.0.113.${++address}` });

type Person = Awaited<ReturnType<typeof createPerson>> & { name: string };

async function person(roles: PlatformRole[] = ["ANS_REVIEWER"]): Promise<Person> {
  return { ...(await createPerson(roles)), name: "Personne Test" };
}
const session = (p: Person, now = new Date()) => db().$transaction((tx) => openSession(tx, { id: p.userId, roles: p.roles }, testRequest, now));
const secondFactorAt = async (sessionId: string) => (await db().session.findUniqueOrThrow({ where: { id: sessionId } })).secondFactorAt;
const events = (name: string, userId: string) => db().event.count({ where: { name, subjectId: userId } });

/** A passkey registered from a session of its own, as /compte does it; `fresh`: the session's last check. */
async function registered(p: Person, name = "Clé USB", fresh: Date | null = null): Promise<{ key: SoftwareAuthenticator; passkeyId: string }> {
  const sessionId = await session(p);
  const key = softwareAuthenticator();
  const options = await beginPasskeyRegistration(p, sessionId, fresh, { rp });
  const { passkeyId } = await finishPasskeyRegistration(p, sessionId, fresh, { name, response: key.register(options, rp.origin) }, request(), { rp });
  return { key, passkeyId };
}

async function enrolTotp(p: Person, now = new Date()) {
  const sessionId = await session(p, now);
  const pending = (await pendingTotpEnrolment(p))!;
  await confirmTotpEnrolment(p, sessionId, { code: totpCodeAt(pending.secret, timeStep(now) - 1) }, request(), { now });
}

describe("registering a passkey", () => {
  it("stores a first passkey under its name, counts it as a factor, and marks the session as checked", async () => {
    const p = await person();
    const sessionId = await session(p);
    const key = softwareAuthenticator();
    const options = await beginPasskeyRegistration(p, sessionId, null, { rp });
    expect(options.rp).toEqual({ id: "confiance.example.fr", name: "Espace de confiance ROR" });
    expect(options.attestation).toBe("none");
    const { passkeyId } = await finishPasskeyRegistration(p, sessionId, null, { name: "  Clé du bureau ", response: key.register(options, rp.origin) }, request(), { rp });

    const stored = await db().passkey.findUniqueOrThrow({ where: { id: passkeyId } });
    expect(stored).toMatchObject({ userId: p.userId, name: "Clé du bureau", credentialId: key.credentialId, counter: 0n, transports: ["usb"] });
    expect(await secondFactorAt(sessionId)).not.toBeNull();
    expect(await secondFactorStanding({ id: p.userId })).toMatchObject({ enrolled: true, factors: { totp: false, passkeys: 1 } });
    expect(await events("user.passkey_added", p.userId)).toBe(1);
    expect(await listPasskeys(p.userId)).toEqual([expect.objectContaining({ id: passkeyId, name: "Clé du bureau", lastUsedAt: null })]);
    // The challenge served once.
    expect(await db().webAuthnChallenge.count({ where: { sessionId } })).toBe(0);
  });

  it("refuses, with nothing written: no name, a replayed or expired challenge, another origin, hostile JSON", async () => {
    const p = await person(["EDITOR"]);
    const sessionId = await session(p);
    const key = softwareAuthenticator();
    const options = await beginPasskeyRegistration(p, sessionId, null, { rp });
    const response = key.register(options, rp.origin);
    await expect(finishPasskeyRegistration(p, sessionId, null, { name: " ", response }, request(), { rp })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { name: "Donnez un nom à cette clé d'accès." } });
    for (const hostile of [undefined, "{}", { id: "x" }, { ...response, response: { ...response.response, attestationObject: "A".repeat(50_000) } }]) {
      await expect(finishPasskeyRegistration(p, sessionId, null, { name: "Clé", response: hostile }, request(), { rp })).rejects.toMatchObject({ code: "VALIDATION", message: PASSKEY_MESSAGES.unreadable });
    }
    // Another origin: refused, and the challenge is spent.
    await expect(finishPasskeyRegistration(p, sessionId, null, { name: "Clé", response: key.register(options, "https://evil.example") }, request(), { rp })).rejects.toMatchObject({ message: PASSKEY_MESSAGES.registrationRefused });
    await expect(finishPasskeyRegistration(p, sessionId, null, { name: "Clé", response }, request(), { rp })).rejects.toMatchObject({ code: "CONFLICT", message: PASSKEY_MESSAGES.noChallenge });
    // Expired: five minutes later.
    const then = new Date();
    const late = await beginPasskeyRegistration(p, sessionId, null, { rp, now: then });
    await expect(finishPasskeyRegistration(p, sessionId, null, { name: "Clé", response: key.register(late, rp.origin) }, request(), { rp, now: new Date(then.getTime() + 5 * 60_000 + 1) })).rejects.toMatchObject({ message: PASSKEY_MESSAGES.noChallenge });
    // Another session's challenge does not serve.
    const other = await session(p);
    const theirs = await beginPasskeyRegistration(p, other, null, { rp });
    await expect(finishPasskeyRegistration(p, sessionId, null, { name: "Clé", response: key.register(theirs, rp.origin) }, request(), { rp })).rejects.toMatchObject({ message: PASSKEY_MESSAGES.noChallenge });
    expect(await db().passkey.count({ where: { userId: p.userId } })).toBe(0);
    expect(await events("user.passkey_added", p.userId)).toBe(0);
  });

  it("asks an account that already has a factor for a fresh check, and never stores the same key twice", async () => {
    const p = await person();
    const { key } = await registered(p);
    const sessionId = await session(p);
    await expect(beginPasskeyRegistration(p, sessionId, null, { rp })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const now = new Date();
    const options = await beginPasskeyRegistration(p, sessionId, now, { rp });
    expect(options.excludeCredentials).toEqual([expect.objectContaining({ id: key.credentialId })]);
    await expect(finishPasskeyRegistration(p, sessionId, now, { name: "Encore", response: key.register(options, rp.origin) }, request(), { rp })).rejects.toMatchObject({ code: "CONFLICT", message: PASSKEY_MESSAGES.alreadyRegistered });
    expect(await db().passkey.count({ where: { userId: p.userId } })).toBe(1);
  });
});

describe("checking a passkey", () => {
  it("passes the sign-in step with the account's own key, moves the counter, and uses the challenge once", async () => {
    const p = await person();
    const { key, passkeyId } = await registered(p);
    const sessionId = await session(p);
    const options = await beginPasskeyAuthentication(p, sessionId, { rp });
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: key.credentialId })]);
    const assertion = key.authenticate(options, rp.origin);
    await verifyPasskey(p, sessionId, assertion, "sign_in", request(), { rp, limits: LIMITS });
    expect(await secondFactorAt(sessionId)).not.toBeNull();
    const stored = await db().passkey.findUniqueOrThrow({ where: { id: passkeyId } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();
    expect(await db().event.findFirst({ where: { name: "user.second_factor_passed", subjectId: p.userId }, select: { payload: true } })).toEqual({ payload: { kind: "passkey", purpose: "sign_in" } });
    // The same assertion again: its challenge is gone.
    await expect(verifyPasskey(p, sessionId, assertion, "step_up", request(), { rp, limits: LIMITS })).rejects.toMatchObject({ code: "VALIDATION", message: PASSKEY_MESSAGES.noChallenge });
  });

  it("refuses a counter that went back, another origin or rp id, another person's key, an expired challenge", async () => {
    const p = await person();
    const { key } = await registered(p);
    const sessionId = await session(p);
    const check = async (answer: (options: Awaited<ReturnType<typeof beginPasskeyAuthentication>>) => unknown, now?: Date) => {
      const options = await beginPasskeyAuthentication(p, sessionId, { rp, now });
      return verifyPasskey(p, sessionId, answer(options), "sign_in", request(), { rp, limits: LIMITS });
    };
    await check((o) => key.authenticate(o, rp.origin, { counter: 5 }));
    // A cloned key's counter behind the stored one.
    await expect(check((o) => key.authenticate(o, rp.origin, { counter: 3 }))).rejects.toMatchObject({ message: PASSKEY_MESSAGES.refused });
    await expect(check((o) => key.authenticate(o, "https://evil.example"))).rejects.toMatchObject({ message: PASSKEY_MESSAGES.refused });
    await expect(check((o) => key.authenticate(o, rp.origin, { rpID: "evil.example" }))).rejects.toMatchObject({ message: PASSKEY_MESSAGES.refused });
    // Someone else's passkey, answering this account's challenge.
    const other = await person();
    const { key: theirs } = await registered(other);
    await expect(check((o) => theirs.authenticate(o, rp.origin))).rejects.toMatchObject({ message: PASSKEY_MESSAGES.refused });
    const then = new Date();
    const options = await beginPasskeyAuthentication(p, sessionId, { rp, now: then });
    await expect(verifyPasskey(p, sessionId, key.authenticate(options, rp.origin), "sign_in", request(), { rp, limits: LIMITS, now: new Date(then.getTime() + 5 * 60_000 + 1) })).rejects.toMatchObject({ message: PASSKEY_MESSAGES.noChallenge });
    expect((await db().passkey.findFirstOrThrow({ where: { userId: p.userId } })).counter).toBe(5n);
    expect(await events("user.second_factor_failed", p.userId)).toBe(5);
  });

  it("runs under the sign-in limits: past the free failures, even the right key is held back", async () => {
    const p = await person();
    const { key } = await registered(p);
    const sessionId = await session(p);
    const from = request();
    for (let i = 0; i < 3; i++) {
      const options = await beginPasskeyAuthentication(p, sessionId, { rp });
      await expect(verifyPasskey(p, sessionId, key.authenticate(options, "https://evil.example"), "sign_in", from, { rp, limits: LIMITS })).rejects.toMatchObject({ code: "VALIDATION" });
    }
    const options = await beginPasskeyAuthentication(p, sessionId, { rp });
    await expect(verifyPasskey(p, sessionId, key.authenticate(options, rp.origin), "sign_in", from, { rp, limits: LIMITS })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await secondFactorAt(sessionId)).toBeNull();
  });

  it("offers nothing to an account without a passkey, and reads hostile JSON as a French refusal", async () => {
    const p = await person(["EDITOR"]);
    const sessionId = await session(p);
    await expect(beginPasskeyAuthentication(p, sessionId, { rp })).rejects.toMatchObject({ code: "CONFLICT", message: PASSKEY_MESSAGES.noPasskey });
    for (const hostile of [null, "x", { id: "a", type: "public-key" }, { id: "a".repeat(5000), rawId: "a", type: "public-key", response: {} }]) {
      await expect(verifyPasskey(p, sessionId, hostile, "sign_in", request(), { rp })).rejects.toMatchObject({ code: "VALIDATION", message: PASSKEY_MESSAGES.unreadable });
    }
    expect(await db().signInAttempt.count({ where: { emailKey: `second-factor:${p.userId}` } })).toBe(0);
  });
});

describe("removing a passkey", () => {
  it("lets an ANS account with a passkey and the app remove either, but not both", async () => {
    const now = new Date();
    const p = await person(["ANS_ADMIN"]);
    const { passkeyId } = await registered(p);
    await enrolTotp(p);
    // Without a fresh check: 403, nothing removed.
    await expect(removeOwnPasskey(p, null, { passkeyId }, request(), now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeOwnPasskey(p, now, { passkeyId }, request(), now);
    expect(await db().passkey.count({ where: { userId: p.userId } })).toBe(0);
    expect(await events("user.passkey_removed", p.userId)).toBe(1);
    await expect(removeOwnTotpFactor(p, now, request(), now)).rejects.toMatchObject({ code: "CONFLICT", message: SECOND_FACTOR_MESSAGES.lastForAnsRole });

    // The other way round: the app goes, the last passkey stays.
    const q = await person(["ANS_REVIEWER"]);
    await enrolTotp(q);
    const { passkeyId: last } = await registered(q, "Clé", now);
    await removeOwnTotpFactor(q, now, request(), now);
    await expect(removeOwnPasskey(q, now, { passkeyId: last }, request(), now)).rejects.toMatchObject({ code: "CONFLICT", message: SECOND_FACTOR_MESSAGES.lastForAnsRole });
    expect(await db().passkey.count({ where: { userId: q.userId } })).toBe(1);
    expect(await events("user.passkey_removed", q.userId)).toBe(0);
  });

  it("never removes another person's passkey, and answers a non-UUID id with a French 404, nothing written", async () => {
    const now = new Date();
    const owner = await person(["EDITOR"]);
    const { passkeyId } = await registered(owner);
    const intruder = await person(["EDITOR"]);
    for (const raw of [{ passkeyId }, { passkeyId: "not-a-uuid" }, { passkeyId: "'; DROP TABLE \"Passkey\"; --" }, {}, null]) {
      await expect(removeOwnPasskey(intruder, now, raw, request(), now)).rejects.toMatchObject({ code: "NOT_FOUND", message: PASSKEY_MESSAGES.notFound });
    }
    expect(await db().passkey.count({ where: { id: passkeyId } })).toBe(1);
    expect(await events("user.passkey_removed", intruder.userId)).toBe(0);
    // An editor nobody requires a factor of may remove their last one.
    await removeOwnPasskey(owner, now, { passkeyId }, request(), now);
    expect(await secondFactorStanding({ id: owner.userId })).toMatchObject({ enrolled: false });
  });

  it("of two removals at once of an ANS account's two last factors, one is refused", async () => {
    const now = new Date();
    const p = await person(["ANS_REVIEWER"]);
    const first = await registered(p, "Une");
    const second = await registered(p, "Deux", now);
    const results = await Promise.allSettled([
      removeOwnPasskey(p, now, { passkeyId: first.passkeyId }, request(), now),
      removeOwnPasskey(p, now, { passkeyId: second.passkeyId }, request(), now),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().passkey.count({ where: { userId: p.userId } })).toBe(1);
  });

  it("goes with the rest at an administrator's reset of an ANS account's second factors", async () => {
    const { resetAnsSecondFactors } = await import("../ans-accounts/ans-accounts.server");
    const admin = await person(["ANS_ADMIN"]);
    const p = await person(["ANS_REVIEWER"]);
    await registered(p);
    await resetAnsSecondFactors(admin, { userId: p.userId, reason: "Clé perdue" }, request());
    expect(await db().passkey.count({ where: { userId: p.userId } })).toBe(0);
    expect(await secondFactorStanding({ id: p.userId })).toMatchObject({ enrolled: false, required: true });
  });
});

