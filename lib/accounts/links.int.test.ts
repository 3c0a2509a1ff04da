import { describe, expect, it } from "vitest";
import { authenticate } from "../auth/authenticate.server";
import { verifyPassword } from "../auth/password.server";
import { isSessionActive, openSession } from "../auth/sessions.server";
import { db } from "../db.server";
import { newOrganization, testPassword, testRequest } from "../testing/organization-fixtures.server";
import { rejection } from "../testing/rejection";
import { signUpEditor } from "../organizations/sign-up.server";
import { unusableAccountLinkMessages } from "../auth/account-link";
import { signInWithVerificationLink } from "../auth/verification-link.server";
import { resendVerification } from "./email-verification.server";
import { requestPasswordReset, resetPassword } from "./password-recovery.server";
import { PASSWORD_MESSAGES } from "./password-rules";

// Single-use links (ADR 0020): each use is one conditional UPDATE, so concurrent uses cannot both succeed.

const NEW_PASSWORD = "nouvelle phrase secrète 2026";
const newPassword = { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD };
let counter = 0;
const freshIp = () => `192.0.2.${++counter}`;
const message = (purpose: keyof typeof unusableAccountLinkMessages, state: "used" | "replaced" | "expired" | "unknown") =>
  `${unusableAccountLinkMessages[purpose][state].title}. ${unusableAccountLinkMessages[purpose][state].text}`;
const tokenIn = (text: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text)![1]!;

async function signedUp() {
  const email = `verif.${Date.now()}.${++counter}@exemple.fr`;
  const siret = (await import("../testing/organization-fixtures.server")).uniqueSiret();
  const outcome = await signUpEditor(
    { name: "Vera Vérifiée", email, password: testPassword, passwordConfirmation: testPassword, legalName: "Vérif SAS", siret, address: "1 rue Haute, 67000 Strasbourg", isLegalRepresentative: true },
    testRequest,
  );
  if (outcome.outcome !== "created") throw new Error("expected an account");
  return { ...outcome, email };
}

describe("the verification link", () => {
  it("confirms the address and opens a session once; the second use is told it was used", async () => {
    const { userId, verificationToken } = await signedUp();
    const result = await signInWithVerificationLink(verificationToken, testRequest);
    expect(result).toEqual({ userId, sessionId: expect.any(String) });
    expect(await isSessionActive(result.sessionId, userId)).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).not.toBeNull();
    expect((await rejection(signInWithVerificationLink(verificationToken, testRequest))).message).toBe(message("VERIFY_EMAIL", "used"));
    expect(await db().event.count({ where: { subjectId: userId, name: "user.email_verified" } })).toBe(1);
  });

  it("opens exactly one session when it is used 10 times at once", async () => {
    const { userId, verificationToken } = await signedUp();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => signInWithVerificationLink(verificationToken, testRequest)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) expect(r.reason.message).toBe(message("VERIFY_EMAIL", "used"));
    expect(await db().session.count({ where: { userId } })).toBe(1);
    expect(await db().event.count({ where: { subjectId: userId, name: "user.signed_in" } })).toBe(1);
  });

  it("is replaced by a resend, expires after 24 hours, and says which; an unknown token reveals nothing", async () => {
    const { userId, verificationToken } = await signedUp();
    // One resend per 10 minutes.
    const early = await rejection(resendVerification(userId, testRequest));
    expect(early.message).toMatch(/^Un lien vous a été envoyé il y a moins de 10 minutes/);
    const { token: second } = await resendVerification(userId, testRequest, new Date(Date.now() + 11 * 60_000));
    expect((await rejection(signInWithVerificationLink(verificationToken, testRequest))).message).toBe(message("VERIFY_EMAIL", "replaced"));
    expect((await rejection(signInWithVerificationLink(second, testRequest, new Date(Date.now() + 25 * 3600_000)))).message).toBe(message("VERIFY_EMAIL", "expired"));
    for (const token of ["A".repeat(43), "pas-un-jeton", "", null]) {
      expect((await rejection(signInWithVerificationLink(token, testRequest))).message).toBe(message("VERIFY_EMAIL", "unknown"));
    }
    // The newest link still works.
    expect(await signInWithVerificationLink(second, testRequest)).toMatchObject({ userId });
    expect((await rejection(resendVerification(userId, testRequest, new Date(Date.now() + 30 * 60_000)))).message).toBe("Votre adresse e-mail est déjà confirmée.");
  });
});

describe("password recovery", () => {
  it("answers the same, in about the same time, for an address with an account and one without", async () => {
    const { email } = await newOrganization();
    const timed = async (address: string) => {
      const started = performance.now();
      const answer = await requestPasswordReset({ email: address }, { ...testRequest, ip: freshIp() });
      return { answer, ms: performance.now() - started };
    };
    const known = await timed(email);
    const unknown = await timed(`personne.${Date.now()}@exemple.fr`);
    expect(known.answer).toEqual({ mailed: true });
    expect(unknown.answer).toEqual({ mailed: false });
    // Both wait for the floor (400 ms): the work of the branch that mails is hidden under it.
    for (const { ms } of [known, unknown]) expect(ms).toBeGreaterThanOrEqual(395);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(150);
  });

  it("sends one mail per address per 10 minutes, however many requests arrive at once", async () => {
    const { email } = await newOrganization();
    const answers = await Promise.all(Array.from({ length: 50 }, () => requestPasswordReset({ email: email.toUpperCase() }, { ...testRequest, ip: freshIp() }, { minDurationMs: 0 })));
    expect(answers.filter((a) => a.mailed)).toHaveLength(1);
    expect(await db().outboxMessage.count({ where: { to: email, kind: "account.password_reset" } })).toBe(1);
    const later = await requestPasswordReset({ email }, testRequest, { minDurationMs: 0, now: new Date(Date.now() + 11 * 60_000) });
    expect(later).toEqual({ mailed: true });
  });

  it("sends nothing to a disabled account, and limits the requests of one address", async () => {
    const { email, userId } = await newOrganization();
    await db().user.update({ where: { id: userId }, data: { status: "DISABLED" } });
    expect(await requestPasswordReset({ email }, testRequest, { minDurationMs: 0 })).toEqual({ mailed: false });
    const ip = freshIp();
    const limit = { windowMinutes: 60, maxPerAddress: 2 };
    for (let i = 0; i < 2; i++) await requestPasswordReset({ email: `x${i}@exemple.fr` }, { ...testRequest, ip }, { minDurationMs: 0, limit });
    const refused = await rejection(requestPasswordReset({ email }, { ...testRequest, ip }, { minDurationMs: 0, limit }));
    expect([refused.code, refused.message]).toEqual(["RATE_LIMITED", "Trop de demandes de réinitialisation depuis votre adresse réseau. Réessayez dans 60 minutes."]);
  });

  it("sets the new password once, ends every session, tells the owner, and the old password stops working", async () => {
    const { email, userId } = await newOrganization();
    await db().user.update({ where: { id: userId }, data: { emailVerifiedAt: null } });
    const sessions = await Promise.all([1, 2].map(() => db().$transaction((tx) => openSession(tx, { id: userId, roles: ["EDITOR"] }, testRequest, new Date()))));
    await requestPasswordReset({ email }, testRequest, { minDurationMs: 0 });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: email, kind: "account.password_reset" } });
    expect(mail.text).toContain("expire le");
    const token = tokenIn(mail.text, "/mot-de-passe-oublie");

    // Bad input first: nothing changes, the link still works.
    expect((await rejection(resetPassword(token, { password: testPassword, passwordConfirmation: testPassword }, testRequest))).fieldErrors).toEqual({ password: PASSWORD_MESSAGES.unchanged });
    expect((await rejection(resetPassword(token, { password: "password1234", passwordConfirmation: "password1234" }, testRequest))).fieldErrors).toEqual({ password: PASSWORD_MESSAGES.common });
    expect((await rejection(resetPassword(token, { password: NEW_PASSWORD, passwordConfirmation: "autre" }, testRequest))).fieldErrors).toEqual({ passwordConfirmation: PASSWORD_MESSAGES.mismatch });

    // Two resets at once: one wins.
    const results = await Promise.allSettled([resetPassword(token, newPassword, testRequest), resetPassword(token, { password: "une autre phrase très secrète", passwordConfirmation: "une autre phrase très secrète" }, testRequest)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.message).toBe(message("RESET_PASSWORD", "used"));
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    const winner = (await verifyPassword(user.passwordHash, NEW_PASSWORD)) ? NEW_PASSWORD : "une autre phrase très secrète";
    expect(await verifyPassword(user.passwordHash, winner)).toBe(true);
    expect(user.emailVerifiedAt).not.toBeNull();
    for (const id of sessions) expect(await isSessionActive(id, userId)).toBe(false);
    expect(await db().session.count({ where: { userId, revokedReason: "PASSWORD_RESET" } })).toBe(2);
    expect(await authenticate({ email, password: testPassword }, { ...testRequest, ip: freshIp() })).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await authenticate({ email, password: winner }, { ...testRequest, ip: freshIp() })).toMatchObject({ ok: true });
    const changed = await db().outboxMessage.findFirstOrThrow({ where: { to: email, kind: "account.password_changed" } });
    expect(changed.text).toContain("depuis un lien de réinitialisation. Toutes les sessions ouvertes avec votre compte ont été fermées.");
    expect((await db().event.findMany({ where: { subjectId: userId, name: { in: ["user.password_reset_requested", "user.password_reset", "user.sessions_revoked"] } } })).map((e) => e.name).sort()).toEqual([
      "user.password_reset",
      "user.password_reset_requested",
      "user.sessions_revoked",
    ]);
  });

  it("refuses an expired link (1 hour) and a replaced one, each saying so", async () => {
    const { email } = await newOrganization();
    await requestPasswordReset({ email }, testRequest, { minDurationMs: 0 });
    const first = tokenIn((await db().outboxMessage.findFirstOrThrow({ where: { to: email, kind: "account.password_reset" } })).text, "/mot-de-passe-oublie");
    expect((await rejection(resetPassword(first, newPassword, testRequest, new Date(Date.now() + 61 * 60_000)))).message).toBe(message("RESET_PASSWORD", "expired"));
    await requestPasswordReset({ email }, testRequest, { minDurationMs: 0, now: new Date(Date.now() + 11 * 60_000) });
    expect((await rejection(resetPassword(first, newPassword, testRequest))).message).toBe(message("RESET_PASSWORD", "replaced"));
    expect((await rejection(resetPassword("x".repeat(43), newPassword, testRequest))).message).toBe(message("RESET_PASSWORD", "unknown"));
  });
});
