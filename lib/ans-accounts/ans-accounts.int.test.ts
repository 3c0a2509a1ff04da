import { describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password.server";
import { createPerson } from "../catalogue/test-fixtures.server";
import { db } from "../db.server";
import { newOrganization, rejection, testRequest } from "../organizations/test-fixtures.server";
import { ANS_ACCOUNT_MESSAGES } from "./ans-account-schema";
import { ansAccounts, createAnsAccount, setAnsAccountActive, setAnsAccountAdmin } from "./ans-accounts.server";

const admin = () => createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Adèle Administratrice");
const auditsOf = (subjectId: string) => db().event.findMany({ where: { subjectId }, orderBy: { occurredAt: "asc" }, select: { name: true, actorId: true } });

describe("ANS accounts", () => {
  it("are managed by administrators only: reviewers and editors are refused and nothing changes", async () => {
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const editor = await newOrganization();
    const before = await db().user.count();
    for (const actor of [reviewer, editor.actor]) {
      expect((await rejection(ansAccounts(actor))).code).toBe("FORBIDDEN");
      expect((await rejection(createAnsAccount(actor, { name: "X", email: "x@ans.fr" }, testRequest))).code).toBe("FORBIDDEN");
      expect((await rejection(setAnsAccountActive(actor, { userId: reviewer.userId, active: false }, testRequest))).code).toBe("FORBIDDEN");
      expect((await rejection(setAnsAccountAdmin(actor, { userId: reviewer.userId, admin: true }, testRequest))).code).toBe("FORBIDDEN");
    }
    expect(await db().user.count()).toBe(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: reviewer.userId } })).roles).toEqual(["ANS_REVIEWER"]);
  });

  it("creates a reviewer with a one-time password that signs in, audited, with a mail that does not contain it", async () => {
    const boss = await admin();
    const { userId, oneTimePassword } = await createAnsAccount(boss, { name: "Inès Tructrice", email: " Ines.Tructrice@ANS.fr ", admin: false }, testRequest);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: "ines.tructrice@ans.fr", name: "Inès Tructrice", roles: ["ANS_REVIEWER"], status: "ACTIVE" });
    expect(await verifyPassword(user.passwordHash, oneTimePassword)).toBe(true);
    expect(await auditsOf(userId)).toEqual([{ name: "ans_account.created", actorId: boss.userId }]);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: "ines.tructrice@ans.fr" } });
    expect(mail.text).not.toContain(oneTimePassword);
    expect((await ansAccounts(boss)).map((a) => a.email)).toContain("ines.tructrice@ans.fr");

    const again = await rejection(createAnsAccount(boss, { name: "Doublon", email: "ines.tructrice@ans.fr" }, testRequest));
    expect(again.fieldErrors.email).toBe(ANS_ACCOUNT_MESSAGES.emailTaken);
    const invalid = await rejection(createAnsAccount(boss, { name: "", email: "pas une adresse" }, testRequest));
    expect(Object.keys(invalid.fieldErrors).sort()).toEqual(["email", "name"]);
  });

  it("creates an administrator when asked", async () => {
    const boss = await admin();
    const { userId } = await createAnsAccount(boss, { name: "Second Admin", email: `admin2.${Date.now()}@ans.fr`, admin: "on" }, testRequest);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).roles).toEqual(["ANS_REVIEWER", "ANS_ADMIN"]);
  });

  it("disables and re-enables a reviewer, audited; an editor's id looks like a missing account", async () => {
    const boss = await admin();
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    await setAnsAccountActive(boss, { userId: reviewer.userId, active: "false" }, testRequest);
    expect((await db().user.findUniqueOrThrow({ where: { id: reviewer.userId } })).status).toBe("DISABLED");
    await setAnsAccountActive(boss, { userId: reviewer.userId, active: "false" }, testRequest); // already: nothing recorded
    await setAnsAccountActive(boss, { userId: reviewer.userId, active: "true" }, testRequest);
    expect((await db().user.findUniqueOrThrow({ where: { id: reviewer.userId } })).status).toBe("ACTIVE");
    expect((await auditsOf(reviewer.userId)).map((a) => a.name)).toEqual(["ans_account.disabled", "ans_account.enabled"]);

    const editor = await newOrganization();
    const hidden = await rejection(setAnsAccountActive(boss, { userId: editor.userId, active: false }, testRequest));
    const missing = await rejection(setAnsAccountActive(boss, { userId: "00000000-0000-4000-8000-000000000000", active: false }, testRequest));
    expect([hidden.code, hidden.message]).toEqual([missing.code, missing.message]);
    expect((await db().user.findUniqueOrThrow({ where: { id: editor.userId } })).status).toBe("ACTIVE");
  });

  it("grants and removes the administrator role, never to oneself, never the last active administrator", async () => {
    // Only the administrators of this test are active.
    await db().user.updateMany({ where: { roles: { has: "ANS_ADMIN" } }, data: { status: "DISABLED" } });
    const boss = await admin();
    const reviewer = await createPerson(["ANS_REVIEWER"]);

    expect((await rejection(setAnsAccountAdmin(boss, { userId: boss.userId, admin: false }, testRequest))).message).toBe(ANS_ACCOUNT_MESSAGES.self);
    expect((await rejection(setAnsAccountActive(boss, { userId: boss.userId, active: false }, testRequest))).message).toBe(ANS_ACCOUNT_MESSAGES.self);

    await setAnsAccountAdmin(boss, { userId: reviewer.userId, admin: true }, testRequest);
    expect((await db().user.findUniqueOrThrow({ where: { id: reviewer.userId } })).roles).toEqual(["ANS_REVIEWER", "ANS_ADMIN"]);
    const other = { ...reviewer, roles: ["ANS_REVIEWER", "ANS_ADMIN"] as const };

    // Two administrators demote each other at the same moment: one wins, the other is told it is the last one.
    const results = await Promise.allSettled([
      setAnsAccountAdmin(boss, { userId: reviewer.userId, admin: false }, testRequest),
      setAnsAccountAdmin(other, { userId: boss.userId, admin: false }, testRequest),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.message).toBe(ANS_ACCOUNT_MESSAGES.lastAdmin);
    const admins = await db().user.count({ where: { roles: { has: "ANS_ADMIN" }, status: "ACTIVE" } });
    expect(admins).toBe(1);
    expect(await db().event.count({ where: { name: "ans_account.admin_removed", subjectId: { in: [boss.userId, reviewer.userId] } } })).toBe(1);
  });

  it("refuses to disable the last active administrator", async () => {
    await db().user.updateMany({ where: { roles: { has: "ANS_ADMIN" } }, data: { status: "DISABLED" } });
    const boss = await admin();
    const lone = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Autre admin");
    await setAnsAccountActive(boss, { userId: lone.userId, active: false }, testRequest);
    await db().user.update({ where: { id: boss.userId }, data: { status: "DISABLED" } });
    await db().user.update({ where: { id: lone.userId }, data: { status: "ACTIVE" } });
    // Now `lone` is the only active administrator: `boss` (whose session would be refused anyway) cannot disable it.
    const error = await rejection(setAnsAccountActive(boss, { userId: lone.userId, active: false }, testRequest));
    expect(error.message).toBe(ANS_ACCOUNT_MESSAGES.lastAdmin);
    expect((await db().user.findUniqueOrThrow({ where: { id: lone.userId } })).status).toBe("ACTIVE");
  });
});
