import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { db } from "../db.server";
import { startWorker, type RunningWorker } from "./worker.server";
import { rejection, testRequest } from "../testing/organization-fixtures.server";
import { startSmtpTestServer, type SmtpTestServer } from "../testing/smtp-test-server";
import { waitFor } from "../testing/wait";
import { deliverMessage } from "../mail/delivery.server";
import { listFailedMail, resendFailedMail } from "../mail/failed-mail.server";
import { developmentMailbox } from "../mail/mailbox.server";
import { messageIdFor } from "../mail/message";
import { queueMail } from "../mail/outbox.server";
import { sweepMail } from "../mail/sweep.server";

// The mail job against a real SMTP server (smtp-server on loopback) that misbehaves as real ones do. The retry
// schedule is compressed to fractions of a second; a 2.5-second window stands for the 25 hours of production.
const previousEnv = { from: process.env.MAIL_FROM, replyTo: process.env.MAIL_REPLY_TO };
process.env.MAIL_FROM = "Portail ROR de test <portail@ror-test.fr>";
process.env.MAIL_REPLY_TO = "support@ror-test.fr";

let smtp: SmtpTestServer;
let worker: RunningWorker;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  worker = await startWorker({
    databaseUrl: process.env.DATABASE_URL!,
    smtpUrl: smtp.url,
    retrySchedule: { firstDelayMs: 100, maxDelayMs: 400, windowMs: 2500 },
    schedules: false,
    pollInterval: 100,
    concurrency: 4,
  });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  process.env.MAIL_FROM = previousEnv.from;
  process.env.MAIL_REPLY_TO = previousEnv.replyTo;
  if (previousEnv.from === undefined) delete process.env.MAIL_FROM;
  if (previousEnv.replyTo === undefined) delete process.env.MAIL_REPLY_TO;
});

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@destinataire.example`;

async function queue(addresses: string[]) {
  await db().$transaction((tx) => queueMail(tx, addresses.map((to) => ({ to, subject: "Votre dossier d'adhésion", text: `Bonjour ${to}, votre dossier avance.`, kind: "test" }))));
}

const messagesTo = (addresses: string[]) => db().outboxMessage.findMany({ where: { to: { in: addresses } }, orderBy: { to: "asc" } });
const receivedBy = (to: string) => smtp.received.filter((m) => m.to.includes(to));

async function allInStatus(addresses: string[], status: "SENT" | "FAILED") {
  return waitFor(async () => {
    const rows = await messagesTo(addresses);
    return rows.length === addresses.length && rows.every((r) => r.status === status) ? rows : null;
  }, 20_000, `les courriels à l'état ${status}`);
}

describe("mail delivered by jobs", () => {
  it("gets through temporary refusals: nothing lost, each message delivered once, with one Message-ID across retries", async () => {
    // Refused for a while: the first six transactions, then for half a second more.
    smtp.refuseNextTransactions = 6;
    smtp.refuseTemporarilyUntil = Date.now() + 500;
    const addresses = [1, 2, 3, 4, 5].map((i) => address(`patience${i}`));
    await queue(addresses);
    const rows = await allInStatus(addresses, "SENT");
    for (const row of rows) {
      const received = receivedBy(row.to);
      expect(received).toHaveLength(1);
      expect(received[0]!.messageId).toBe(row.messageId);
      expect(row.messageId).toBe(messageIdFor(row.id, "portail@ror-test.fr"));
      expect(received[0]!.from).toContain("portail@ror-test.fr");
      expect(received[0]!.headers).toMatch(/^Reply-To: support@ror-test\.fr/m);
      expect(row.sentAt).not.toBeNull();
    }
    expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBeGreaterThanOrEqual(5 + 6);
    expect(rows.some((r) => r.attempts > 1 && r.lastError?.includes("451"))).toBe(true);
  });

  it("survives a connection dropped in the middle of DATA", async () => {
    smtp.dropDuringData = 2;
    const addresses = [1, 2, 3].map((i) => address(`coupure${i}`));
    await queue(addresses);
    const rows = await allInStatus(addresses, "SENT");
    for (const row of rows) expect(receivedBy(row.to)).toHaveLength(1);
    expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(5);
    expect(smtp.dropDuringData).toBe(0);
  });

  it("stops at once on a 5xx, lists the message for administrators, who resend it", async () => {
    const refused = address("inconnu");
    const fine = address("voisin");
    smtp.permanentlyRefused.add(refused);
    await queue([refused, fine]);
    const [failed] = await allInStatus([refused], "FAILED");
    await allInStatus([fine], "SENT");
    expect(failed!.attempts).toBe(1);
    expect(failed!.failedAt).not.toBeNull();
    expect(failed!.lastError).toContain("550");
    expect(receivedBy(refused)).toHaveLength(0);
    const event = await db().event.findFirstOrThrow({ where: { name: "mail.failed", subjectId: failed!.id }, include: { personalData: true } });
    expect(event.payload).toEqual({ kind: "test", attempts: 1, responseCode: 550, permanent: true });
    expect(event.personalData?.details).toEqual({ email: refused });

    const admin = await createPerson(["ANS_ADMIN"], "Ada Ministre");
    const reviewer = await createPerson(["ANS_REVIEWER"], "Inès Tructeur");
    const listed = await listFailedMail(admin);
    expect(listed.messages.find((m) => m.id === failed!.id)).toMatchObject({ to: refused, subject: "Votre dossier d'adhésion", attempts: 1 });
    expect((await rejection(listFailedMail(reviewer))).code).toBe("FORBIDDEN");
    expect((await rejection(resendFailedMail(reviewer, failed!.id, testRequest))).code).toBe("FORBIDDEN");
    expect((await rejection(resendFailedMail(admin, "pas-un-identifiant", testRequest))).code).toBe("NOT_FOUND");

    // The recipient's server is fixed; the administrator resends.
    smtp.permanentlyRefused.delete(refused);
    await resendFailedMail(admin, failed!.id, testRequest);
    expect((await rejection(resendFailedMail(admin, failed!.id, testRequest))).code).toBe("CONFLICT");
    const [resent] = await allInStatus([refused], "SENT");
    expect(resent!.attempts).toBe(1);
    expect(receivedBy(refused)).toHaveLength(1);
    expect(receivedBy(refused)[0]!.messageId).toBe(failed!.messageId);
    expect(await db().event.count({ where: { name: "mail.resent", subjectId: failed!.id, actorId: admin.userId } })).toBe(1);
    expect((await listFailedMail(admin)).messages.some((m) => m.id === failed!.id)).toBe(false);
  });

  it("queues nothing for a change that rolled back", async () => {
    const jobsBefore = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs`;
    const to = address("annule");
    await expect(
      db().$transaction(async (tx) => {
        await queueMail(tx, { to, subject: "Jamais", text: "Ce message ne doit pas partir.", kind: "test" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const jobsAfter = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs`;
    expect(jobsAfter[0]!.n).toBe(jobsBefore[0]!.n);
    expect(await db().outboxMessage.count({ where: { to } })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receivedBy(to)).toHaveLength(0);
  });

  it("gives up after the retry window when the refusals stay temporary", async () => {
    const to = address("boite-pleine");
    smtp.temporarilyRefused.add(to);
    await queue([to]);
    const [row] = await allInStatus([to], "FAILED");
    expect(row!.attempts).toBeGreaterThanOrEqual(3);
    expect(row!.lastError).toContain("451");
    expect(row!.retryUntil).not.toBeNull();
    expect(row!.failedAt!.getTime()).toBeLessThanOrEqual(row!.retryUntil!.getTime() + 1000);
    const event = await db().event.findFirstOrThrow({ where: { name: "mail.failed", subjectId: row!.id } });
    expect(event.payload).toMatchObject({ permanent: false, responseCode: 451 });
    smtp.temporarilyRefused.delete(to);
  });

  it("sweeps up a pending message that has no job, once", async () => {
    const to = address("oublie");
    const id = randomUUID();
    await db().outboxMessage.create({ data: { id, to, subject: "Message d'avant les tâches", text: "Bonjour", kind: "test", messageId: messageIdFor(id, "portail@ror-test.fr"), createdAt: new Date(Date.now() - 3600_000) } });
    expect(await sweepMail()).toBe(1);
    expect(await sweepMail()).toBe(0);
    await allInStatus([to], "SENT");
    expect(receivedBy(to)).toHaveLength(1);
    expect(await sweepMail()).toBe(0);
  });

  it("leaves a delivered message alone when its job runs again, and keeps messages in the mailbox without SMTP", async () => {
    const [sent] = await messagesTo([smtp.received[0]!.to[0]!]);
    const count = smtp.received.length;
    expect(await deliverMessage(sent!.id, { transport: null, from: "x@y.fr", schedule: { firstDelayMs: 1, maxDelayMs: 1, windowMs: 1 } })).toBe("skipped");
    expect(smtp.received.length).toBe(count);

    const to = address("boite-de-dev");
    const id = randomUUID();
    await db().outboxMessage.create({ data: { id, to, subject: "Sans SMTP", text: "Bonjour", kind: "test", messageId: messageIdFor(id, "portail@ror-test.fr") } });
    expect(await deliverMessage(id, { transport: null, from: "x@y.fr", schedule: { firstDelayMs: 1, maxDelayMs: 1, windowMs: 1 } })).toBe("mailbox");
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("MAILBOX");
    // Readable in the development mailbox when it is switched on (ADR 0004), never otherwise.
    expect((await developmentMailbox({ to }, { MAIL_DEV_MAILBOX: "on" }))?.map((m) => m.subject)).toEqual(["Sans SMTP"]);
    expect(await developmentMailbox({ to }, { MAIL_DEV_MAILBOX: "off" })).toBeNull();
  });
});
