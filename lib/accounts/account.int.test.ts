import { describe, expect, it } from "vitest";
import { createAnsAccount, resetAnsAccountPassword } from "../ans-accounts/ans-accounts.server";
import { authenticate } from "../auth/authenticate.server";
import { verifyPassword } from "../auth/password.server";
import { isSessionActive, openSession } from "../auth/sessions.server";
import { db } from "../db.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { newOrganization, testPassword, testRequest } from "../testing/organization-fixtures.server";
import { rejection } from "../testing/rejection";
import {
  ACCOUNT_MESSAGES,
  accountOverview,
  changePassword,
  confirmEmailChange,
  endOtherSessions,
  endOwnSession,
  renameAccount,
  requestEmailChange,
  setFirstPassword,
} from "./account.server";
import { EDITOR_ACCOUNT_MESSAGES, editorAccount, editorAccounts, setEditorAccountActive } from "./editor-accounts.server";
import { PASSWORD_MESSAGES } from "./password-rules";

const NEW_PASSWORD = "nouvelle phrase secrète 2026";
let counter = 0;
const freshRequest = () => ({ ip: `192.0.2.${++counter}`, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36" });
const open = (userId: string, request = testRequest) => db().$transaction((tx) => openSession(tx, { id: userId, roles: ["EDITOR"] }, request, new Date()));
const tokenIn = (text: string) => /\/confirmation-adresse\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

describe("the account page", () => {
  it("lists the active sessions, this one first, and ends one or all the others", async () => {
    const { actor, userId } = await newOrganization();
    const request = freshRequest();
    const [current, laptop, phone] = [await open(userId, request), await open(userId), await open(userId)];
    await db().session.update({ where: { id: phone }, data: { revokedAt: new Date(), revokedReason: "SIGNED_OUT" } });
    const overview = await accountOverview(actor, current);
    expect(overview.sessions.map((s) => [s.id, s.current])).toEqual([
      [current, true],
      [laptop, false],
    ]);
    expect(overview.sessions[0]).toMatchObject({ browser: "Chrome 140 sur Linux", ip: request.ip });

    expect((await rejection(endOwnSession(actor, current, current, testRequest))).message).toBe(ACCOUNT_MESSAGES.currentSession);
    const stranger = await newOrganization();
    const theirs = await open(stranger.userId);
    expect((await rejection(endOwnSession(actor, current, theirs, testRequest))).message).toBe(ACCOUNT_MESSAGES.sessionNotFound);
    expect(await isSessionActive(theirs, stranger.userId)).toBe(true);
    await endOwnSession(actor, current, laptop, testRequest);
    expect(await isSessionActive(laptop, userId)).toBe(false);
    expect((await rejection(endOwnSession(actor, current, laptop, testRequest))).message).toBe(ACCOUNT_MESSAGES.sessionNotFound);

    const others = [await open(userId), await open(userId)];
    expect(await endOtherSessions(actor, current, testRequest)).toBe(2);
    for (const id of others) expect(await isSessionActive(id, userId)).toBe(false);
    expect(await isSessionActive(current, userId)).toBe(true);
    const events = await db().event.findMany({ where: { subjectId: userId, name: "user.sessions_revoked" }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.payload)).toEqual([{ reason: "ENDED_BY_OWNER", count: 1 }, { reason: "ENDED_BY_OWNER", count: 2 }]);
  });

  it("renames the person, recorded with the names kept as personal data", async () => {
    const { actor, userId } = await newOrganization();
    await renameAccount(actor, { name: "  Fondatrice Renommée " }, testRequest);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("Fondatrice Renommée");
    const event = await db().event.findFirstOrThrow({ where: { subjectId: userId, name: "user.renamed" }, include: { personalData: true } });
    expect(event.payload).toEqual({});
    expect(event.personalData?.details).toEqual({ previous: "Fondatrice Test", name: "Fondatrice Renommée" });
    expect(Object.keys((await rejection(renameAccount(actor, { name: " " }, testRequest))).fieldErrors)).toEqual(["name"]);
  });

  it("changes the password with the current one, keeps this session, ends the others and tells the owner", async () => {
    const { actor, userId, email } = await newOrganization();
    const [current, other] = [await open(userId), await open(userId)];
    const change = (values: Record<string, string>) => changePassword(actor, current, { currentPassword: testPassword, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ...values }, freshRequest());
    expect((await rejection(change({ currentPassword: "pas le bon mot de passe" }))).fieldErrors).toEqual({ currentPassword: ACCOUNT_MESSAGES.wrongPassword });
    expect((await rejection(change({ password: testPassword, passwordConfirmation: testPassword }))).fieldErrors).toEqual({ password: PASSWORD_MESSAGES.unchanged });
    expect((await rejection(change({ password: "azertyuiop12", passwordConfirmation: "azertyuiop12" }))).fieldErrors.password).toMatch(/^Ce mot de passe est trop facile à deviner\./);
    expect(await isSessionActive(other, userId)).toBe(true);

    await change({});
    expect(await verifyPassword((await db().user.findUniqueOrThrow({ where: { id: userId } })).passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await isSessionActive(current, userId)).toBe(true);
    expect(await isSessionActive(other, userId)).toBe(false);
    expect((await db().outboxMessage.findFirstOrThrow({ where: { to: email, kind: "account.password_changed" } })).text).toContain("depuis la page « Mon compte »");
    expect((await db().event.findFirstOrThrow({ where: { subjectId: userId, name: "user.password_changed" } })).payload).toEqual({ way: "account_page" });
  });

  it("limits guesses of the current password like sign-in does", async () => {
    const { actor, userId } = await newOrganization();
    const current = await open(userId);
    const request = freshRequest();
    for (let i = 0; i < 5; i++) {
      const wrong = await rejection(changePassword(actor, current, { currentPassword: `faux ${i}`, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }, request));
      expect(wrong.fieldErrors.currentPassword).toBe(ACCOUNT_MESSAGES.wrongPassword);
    }
    const limited = await rejection(changePassword(actor, current, { currentPassword: testPassword, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }, request));
    expect([limited.code, limited.message]).toEqual(["RATE_LIMITED", "Trop d'essais de mot de passe depuis votre adresse réseau. Réessayez dans 1 seconde."]);
  });

  it("changes the address through the new one, tells the old one, and answers the same for an address that has an account", async () => {
    const { actor, userId, email } = await newOrganization();
    const other = await newOrganization();
    const free = `nouvelle.${Date.now()}@exemple.fr`;
    expect((await rejection(requestEmailChange(actor, { email: email.toUpperCase(), currentPassword: testPassword }, testRequest))).fieldErrors).toEqual({ email: ACCOUNT_MESSAGES.sameEmail });
    expect((await rejection(requestEmailChange(actor, { email: free, currentPassword: "faux" }, freshRequest()))).fieldErrors).toEqual({ currentPassword: ACCOUNT_MESSAGES.wrongPassword });

    // Taken: the same answer and the same pending change; its owner is told, no usable link goes anywhere.
    expect(await requestEmailChange(actor, { email: other.email, currentPassword: testPassword }, testRequest)).toEqual({ email: other.email });
    expect((await accountOverview(actor, null)).pendingEmail).toMatchObject({ email: other.email });
    const toOther = await db().outboxMessage.findMany({ where: { to: other.email, kind: { startsWith: "account." } } });
    expect(toOther.map((m) => m.kind)).toEqual(expect.arrayContaining(["account.address_in_use"]));
    // Its own verification mail from sign-up aside, no link went there.
    expect(toOther.filter((m) => m.kind !== "account.verify_email").some((m) => m.text.includes("/confirmation-adresse/"))).toBe(false);

    // Free: the link goes to the new address; the address changes when it is opened, once.
    expect(await requestEmailChange(actor, { email: free, currentPassword: testPassword }, testRequest)).toEqual({ email: free });
    expect((await accountOverview(actor, null)).pendingEmail).toMatchObject({ email: free });
    const token = tokenIn((await db().outboxMessage.findFirstOrThrow({ where: { to: free, kind: "account.change_email" } })).text);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).email).toBe(email);
    const results = await Promise.allSettled([confirmEmailChange(token, testRequest), confirmEmailChange(token, testRequest)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).email).toBe(free);
    const told = await db().outboxMessage.findFirstOrThrow({ where: { to: email, kind: "account.email_changed" } });
    expect(told.text).toContain(`utilise l'adresse ${free}`);
    expect(await authenticate({ email: free, password: testPassword }, freshRequest())).toMatchObject({ ok: true });
    expect(await authenticate({ email, password: testPassword }, freshRequest())).toMatchObject({ ok: false });
    expect((await db().event.findMany({ where: { subjectId: userId, name: { startsWith: "user.email_change" } } })).map((e) => e.payload)).toEqual(
      expect.arrayContaining([{ addressInUse: true }, { addressInUse: false }]),
    );
  });

  it("refuses to take an address another account took meanwhile, and changes nothing", async () => {
    const { actor, userId, email } = await newOrganization();
    const target = `convoitee.${Date.now()}@exemple.fr`;
    await requestEmailChange(actor, { email: target, currentPassword: testPassword }, testRequest);
    const token = tokenIn((await db().outboxMessage.findFirstOrThrow({ where: { to: target, kind: "account.change_email" } })).text);
    await createPerson(["EDITOR"]).then((p) => db().user.update({ where: { id: p.userId }, data: { email: target } }));
    expect((await rejection(confirmEmailChange(token, testRequest))).message).toBe(ACCOUNT_MESSAGES.emailTaken);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).email).toBe(email);
  });
});

describe("a one-time password", () => {
  it("opens one session, its first, held at the page that replaces it; two sign-ins at once open one", async () => {
    const boss = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"]);
    const email = `instructrice.${Date.now()}@ans.fr`;
    const { userId, oneTimePassword } = await createAnsAccount(boss, { name: "Inès Tructrice", email }, testRequest);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ mustChangePassword: true, oneTimePasswordUsedAt: null, emailVerifiedAt: expect.any(Date) });
    const results = await Promise.all([freshRequest(), freshRequest(), freshRequest()].map((r) => authenticate({ email, password: oneTimePassword }, r)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: "invalid_credentials" },
      { ok: false, reason: "invalid_credentials" },
    ]);
    expect(await authenticate({ email, password: oneTimePassword }, freshRequest())).toEqual({ ok: false, reason: "invalid_credentials" });
    const session = results.find((r) => r.ok) as { sessionId: string };

    const first = (password: string, confirmation = password) => setFirstPassword(userId, session.sessionId, { password, passwordConfirmation: confirmation }, testRequest);
    expect((await rejection(first(oneTimePassword))).fieldErrors).toEqual({ password: PASSWORD_MESSAGES.unchanged });
    expect((await rejection(first("Bonjour123456"))).fieldErrors.password).toMatch(/trop facile à deviner/);
    await first(NEW_PASSWORD);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ mustChangePassword: false, oneTimePasswordUsedAt: null });
    expect(await isSessionActive(session.sessionId, userId)).toBe(true);
    expect((await rejection(first("encore une autre phrase secrète"))).message).toBe(ACCOUNT_MESSAGES.notGated);
    expect(await authenticate({ email, password: NEW_PASSWORD }, freshRequest())).toMatchObject({ ok: true });
    expect(await authenticate({ email, password: oneTimePassword }, freshRequest())).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("comes back when an administrator resets the password: the sessions end and the next sign-in must replace it", async () => {
    const boss = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"]);
    const email = `oubli.${Date.now()}@ans.fr`;
    const { userId } = await createAnsAccount(boss, { name: "Oscar Oublieux", email }, testRequest);
    await db().user.update({ where: { id: userId }, data: { mustChangePassword: false } });
    const before = await db().$transaction((tx) => openSession(tx, { id: userId, roles: ["ANS_REVIEWER"] }, testRequest, new Date()));
    const { oneTimePassword } = await resetAnsAccountPassword(boss, { userId }, testRequest);
    expect(await isSessionActive(before, userId)).toBe(false);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ mustChangePassword: true, oneTimePasswordUsedAt: null });
    expect(await authenticate({ email, password: oneTimePassword }, freshRequest())).toMatchObject({ ok: true });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: email, kind: "ans_account.password_reset" } });
    expect(mail.text).not.toContain(oneTimePassword);
    expect((await rejection(resetAnsAccountPassword(boss, { userId: boss.userId }, testRequest))).code).toBe("CONFLICT");
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    expect((await rejection(resetAnsAccountPassword(reviewer, { userId }, testRequest))).code).toBe("FORBIDDEN");
  });
});

describe("editor accounts, for administrators", () => {
  it("are disabled with a reason: sessions end, the person is told, sign-in fails like a wrong password", async () => {
    const boss = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Adèle Administratrice");
    const { userId, email } = await newOrganization({ legalName: "Désactivée SAS" });
    const session = await open(userId);
    const args = { userId, active: false, reason: "Usage contraire à la charte", confirm: true };

    expect(Object.keys((await rejection(setEditorAccountActive(boss, { ...args, reason: "x" }, testRequest))).fieldErrors)).toEqual(["reason"]);
    expect(Object.keys((await rejection(setEditorAccountActive(boss, { ...args, confirm: false }, testRequest))).fieldErrors)).toEqual(["confirm"]);
    expect(await isSessionActive(session, userId)).toBe(true);

    expect(await setEditorAccountActive(boss, args, testRequest)).toEqual({ name: "Fondatrice Test", active: false });
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).status).toBe("DISABLED");
    expect(await isSessionActive(session, userId)).toBe(false);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: email, kind: "account.disabled" } });
    expect(mail.text).toContain("Motif : Usage contraire à la charte");
    expect(await authenticate({ email, password: testPassword }, freshRequest())).toEqual({ ok: false, reason: "invalid_credentials" });
    expect((await rejection(setEditorAccountActive(boss, args, testRequest))).message).toBe(EDITOR_ACCOUNT_MESSAGES.alreadyDisabled);

    const detail = await editorAccount(boss, userId);
    expect(detail).toMatchObject({ status: "DISABLED", activeSessions: 0 });
    expect(detail.history[0]).toMatchObject({ label: "Compte d'éditeur désactivé", actorName: "Adèle Administratrice", reason: "Usage contraire à la charte" });
    expect((await editorAccounts(boss, { q: "désactivée" })).accounts.map((a) => a.id)).toEqual([userId]);

    await setEditorAccountActive(boss, { ...args, active: "true", reason: "Situation régularisée" }, testRequest);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).status).toBe("ACTIVE");
    expect(await authenticate({ email, password: testPassword }, freshRequest())).toMatchObject({ ok: true });
    expect((await db().outboxMessage.findFirstOrThrow({ where: { to: email, kind: "account.enabled" } })).text).toContain("Motif : Situation régularisée");
    expect((await db().event.findMany({ where: { subjectId: userId, name: { startsWith: "editor_account." } }, orderBy: { occurredAt: "asc" } })).map((e) => [e.name, e.actorId, e.payload])).toEqual([
      ["editor_account.disabled", boss.userId, {}],
      ["editor_account.enabled", boss.userId, {}],
    ]);
  });

  it("are for administrators only; an ANS account looks like a missing one; nothing changes", async () => {
    const boss = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"]);
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const editor = await newOrganization();
    const args = { userId: editor.userId, active: false, reason: "Motif quelconque", confirm: true };
    for (const actor of [reviewer, editor.actor]) {
      expect((await rejection(setEditorAccountActive(actor, args, testRequest))).code).toBe("FORBIDDEN");
      expect((await rejection(editorAccounts(actor))).code).toBe("FORBIDDEN");
    }
    const ans = await rejection(setEditorAccountActive(boss, { ...args, userId: reviewer.userId }, testRequest));
    const missing = await rejection(setEditorAccountActive(boss, { ...args, userId: "00000000-0000-4000-8000-000000000000" }, testRequest));
    const garbage = await rejection(setEditorAccountActive(boss, { ...args, userId: "'; DROP TABLE" }, testRequest));
    for (const error of [ans, missing, garbage]) expect([error.code, error.message]).toEqual(["NOT_FOUND", EDITOR_ACCOUNT_MESSAGES.notFound]);
    expect((await db().user.findUniqueOrThrow({ where: { id: editor.userId } })).status).toBe("ACTIVE");
    expect((await db().user.findUniqueOrThrow({ where: { id: reviewer.userId } })).status).toBe("ACTIVE");
  });
});
