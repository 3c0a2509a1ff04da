import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { authenticate } from "./authenticate.server";
import { hashPassword } from "./password.server";
import { SIGN_IN_LIMITS } from "./sign-in-limit";

const password = "mot de passe correct";
const from = (ip: string) => ({ ip, userAgent: "vitest" });
const seconds = (base: Date, s: number) => new Date(base.getTime() + s * 1000);
let counter = 0;
/** A fresh client address per test, so tests do not share counts. */
const freshIp = () => `198.51.${Math.floor(++counter / 250)}.${(counter % 250) + 1}`;

async function account(email: string, status: "ACTIVE" | "DISABLED" = "ACTIVE") {
  await db().user.create({ data: { email, name: email, passwordHash: await hashPassword(password), roles: ["EDITOR"], status } });
}

const attempts = (where: { emailKey?: string; ip?: string }) => db().signInAttempt.groupBy({ by: ["outcome"], where, _count: true });
const outcomes = async (where: { emailKey?: string; ip?: string }) =>
  Object.fromEntries((await attempts(where)).map((row) => [row.outcome, row._count]));

beforeAll(async () => {
  await account("actif@exemple.fr");
  await account("desactive@exemple.fr", "DISABLED");
  await account("cible@exemple.fr");
  await account("concurrence@exemple.fr");
  await account("delai@exemple.fr");
  await account("adresse@exemple.fr");
});

describe("authenticate", () => {
  it("accepts the right password, whatever the e-mail's case, opens a session and records the sign-in", async () => {
    const result = await authenticate({ email: " Actif@Exemple.fr ", password }, from(freshIp()));
    expect(result).toEqual({ ok: true, userId: expect.any(String), sessionId: expect.any(String) });
    if (!result.ok) return;
    const session = await db().session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ userId: result.userId, revokedAt: null, idleTimeoutSeconds: 8 * 3600 });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3600 * 1000);
    expect(await db().event.count({ where: { name: "user.signed_in", actorId: result.userId } })).toBe(1);
  });

  it("gives the same answer for a wrong password, an unknown e-mail and a disabled account", async () => {
    const ip = freshIp();
    const answers = await Promise.all([
      authenticate({ email: "actif@exemple.fr", password: "faux" }, from(ip)),
      authenticate({ email: "inconnu@exemple.fr", password }, from(ip)),
      authenticate({ email: "desactive@exemple.fr", password }, from(ip)),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await outcomes({ ip })).toEqual({ FAILED: 3 });
  });

  it("lets the owner in at once after failures from many other addresses (no account lock)", async () => {
    // What a deployment behind one proxy sees when an attacker controls many addresses (e2e/sessions.spec.ts: 100): one failure per pair.
    const ips = Array.from({ length: 30 }, () => freshIp());
    const answers = await Promise.all(ips.map((ip) => authenticate({ email: "cible@exemple.fr", password: "devine" }, from(ip))));
    expect(answers.every((a) => !a.ok && a.reason === "invalid_credentials")).toBe(true);
    expect(await outcomes({ emailKey: "cible@exemple.fr" })).toEqual({ FAILED: 30 });
    expect(await authenticate({ email: "cible@exemple.fr", password }, from(freshIp()))).toMatchObject({ ok: true });
    // And an attacker's own address cannot keep the owner out either: its pair is its own.
    const attacker = freshIp();
    for (let i = 0; i < 5; i++) await authenticate({ email: "cible@exemple.fr", password: "devine" }, from(attacker));
    expect(await authenticate({ email: "cible@exemple.fr", password: "devine" }, from(attacker))).toMatchObject({ reason: "rate_limited", scope: "pair" });
    expect(await authenticate({ email: "cible@exemple.fr", password }, from(freshIp()))).toMatchObject({ ok: true });
  });

  it("evaluates no more than 5 of 40 concurrent wrong passwords for one account and address; the refused write nothing", async () => {
    const ip = freshIp();
    const now = new Date();
    const auditsBefore = await db().event.count();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => authenticate({ email: "concurrence@exemple.fr", password: "faux" }, from(ip), { now })),
    );
    expect(answers.filter((a) => !a.ok && a.reason === "invalid_credentials")).toHaveLength(SIGN_IN_LIMITS.freeFailuresPerPair);
    expect(answers.filter((a) => !a.ok && a.reason === "rate_limited")).toHaveLength(40 - SIGN_IN_LIMITS.freeFailuresPerPair);
    expect(answers.find((a) => !a.ok && a.reason === "rate_limited")).toEqual({ ok: false, reason: "rate_limited", scope: "pair", retryAfterSeconds: 1 });
    expect(await outcomes({ ip })).toEqual({ FAILED: 5 });
    // 5 failures, and one marker that the limit came into force; nothing for the 35 refused.
    expect(await db().event.count()).toBe(auditsBefore + 6);
    expect(await db().event.count({ where: { name: "user.sign_in_rate_limited", personalData: { ip } } })).toBe(1);
  });

  it("evaluates no more than the address limit of concurrent attempts on many accounts (test profile)", async () => {
    const limits = { ...SIGN_IN_LIMITS, maxFailuresPerIp: 10 };
    const ip = freshIp();
    const now = new Date();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => authenticate({ email: `inconnu${i}@exemple.fr`, password: "faux" }, from(ip), { now, limits })),
    );
    expect(answers.filter((a) => !a.ok && a.reason === "invalid_credentials")).toHaveLength(10);
    const refused = answers.filter((a) => !a.ok && a.reason === "rate_limited");
    expect(refused).toHaveLength(30);
    expect(refused[0]).toEqual({ ok: false, reason: "rate_limited", scope: "ip", retryAfterSeconds: 15 * 60 });
    expect(await outcomes({ ip })).toEqual({ FAILED: 10 });
    // The correct password of a real account from that address is refused too, until the window moves on …
    expect(await authenticate({ email: "adresse@exemple.fr", password }, from(ip), { now: seconds(now, 60), limits })).toMatchObject({
      reason: "rate_limited",
      scope: "ip",
      retryAfterSeconds: 14 * 60,
    });
    // … while the same person from an address that has not failed gets in, and the blocked address recovers later.
    expect(await authenticate({ email: "adresse@exemple.fr", password }, from(freshIp()), { now: seconds(now, 60), limits })).toMatchObject({ ok: true });
    expect(await authenticate({ email: "adresse@exemple.fr", password }, from(ip), { now: seconds(now, 15 * 60 + 1), limits })).toMatchObject({ ok: true });
  });

  it("delays a pair 1, 2, 4 … seconds after 5 failures, up to 30, and a success clears it", async () => {
    const ip = freshIp();
    const t0 = new Date();
    const wrong = (at: Date) => authenticate({ email: "delai@exemple.fr", password: "faux" }, from(ip), { now: at });
    for (let i = 0; i < 5; i++) expect(await wrong(t0)).toEqual({ ok: false, reason: "invalid_credentials" });
    // Even the right password waits: the pair is delayed, not the account.
    expect(await authenticate({ email: "delai@exemple.fr", password }, from(ip), { now: seconds(t0, 0.5) })).toMatchObject({ reason: "rate_limited", retryAfterSeconds: 1 });
    let at = t0;
    for (const delay of [1, 2, 4, 8, 16, 30, 30]) {
      expect(await wrong(seconds(at, delay - 0.5))).toMatchObject({ reason: "rate_limited", scope: "pair" });
      at = seconds(at, delay);
      expect(await wrong(at)).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    expect(await outcomes({ ip })).toEqual({ FAILED: 12 });
    expect(await authenticate({ email: "delai@exemple.fr", password }, from(ip), { now: seconds(at, 30) })).toMatchObject({ ok: true });
    expect(await wrong(seconds(at, 30.1))).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await wrong(seconds(at, 30.2))).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("never delays or refuses a correct password from an address that has not failed", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => authenticate({ email: "actif@exemple.fr", password }, from(freshIp()))));
    expect(answers.every((a) => a.ok)).toBe(true);
  });
});
