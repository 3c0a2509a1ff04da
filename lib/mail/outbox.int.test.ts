import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { developmentMailbox, mailDeliveryNotice } from "./mailbox.server";
import { queueMail } from "./outbox.server";

const message = { to: "alice@exemple.fr", subject: "Bienvenue", text: "Bonjour", kind: "test" };

describe("mail outbox", () => {
  it("keeps a message queued with the change that committed", async () => {
    await db().$transaction(async (tx) => {
      await queueMail(tx, message);
    });
    expect(await db().outboxMessage.count({ where: { to: "alice@exemple.fr" } })).toBe(1);
  });

  it("sends nothing for a change that rolled back", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await queueMail(tx, { ...message, to: "bob@exemple.fr" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db().outboxMessage.count({ where: { to: "bob@exemple.fr" } })).toBe(0);
  });

  it("refuses a header injection in the subject", async () => {
    await expect(
      db().$transaction((tx) => queueMail(tx, { ...message, subject: "Bonjour\r\nBcc: x@exemple.fr" })),
    ).rejects.toThrow();
  });

  it("shows messages in the development mailbox only when MAIL_DEV_MAILBOX is on", async () => {
    const mailbox = await developmentMailbox({ to: "ALICE@exemple.fr" }, { MAIL_DEV_MAILBOX: "on" });
    expect(mailbox?.map((m) => m.subject)).toEqual(["Bienvenue"]);
    expect(await developmentMailbox({ to: "alice@exemple.fr" }, { MAIL_DEV_MAILBOX: "off" })).toBeNull();
  });

  it("says at start-up what becomes of queued mail", () => {
    expect(mailDeliveryNotice({ SMTP_URL: "smtp://mail.exemple.fr", MAIL_DEV_MAILBOX: "off" })).toContain("Envoi par SMTP");
    expect(mailDeliveryNotice({ MAIL_DEV_MAILBOX: "on" })).toContain("lisibles par tous sur /courriels");
    expect(mailDeliveryNotice({ MAIL_DEV_MAILBOX: "off" })).toContain("restent en file d'attente, sans envoi");
  });
});
