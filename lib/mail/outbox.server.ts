import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "../db.server";
import { DEFAULT_MAIL_FROM } from "../env";
import { queueJobs } from "../jobs/queue.server";
import { TASKS } from "../jobs/schedules";
import { mailMessage, messageIdFor, type MailMessage } from "./message";

/** The job key of a message's delivery: one waiting job per message. */
export const mailJobKey = (messageId: string) => `mail:${messageId}`;
/** Attempts of the job itself (a crash or the database away); SMTP failures are retried by the schedule instead. */
export const MAIL_JOB_MAX_ATTEMPTS = 25;

/**
 * Queues e-mails in the transaction of the change they report, each with the job that delivers it: a rolled-back
 * change sends nothing, and a committed one cannot lose its message (ADR 0004, ADR 0017).
 */
export async function queueMail(tx: Tx, messages: MailMessage | MailMessage[]): Promise<void> {
  // Only the sender's domain matters here (for the Message-ID); the worker validates MAIL_FROM with the rest. Read
  // directly, as the seed queues mail without the portal's whole environment.
  const from = process.env.MAIL_FROM || DEFAULT_MAIL_FROM;
  const list = (Array.isArray(messages) ? messages : [messages]).map((m) => {
    const id = randomUUID();
    return { ...mailMessage.parse(m), id, messageId: messageIdFor(id, from) };
  });
  if (list.length === 0) return;
  await tx.outboxMessage.createMany({ data: list });
  await queueJobs(
    tx,
    list.map((m) => ({ task: TASKS.sendMail, payload: { id: m.id }, key: mailJobKey(m.id), maxAttempts: MAIL_JOB_MAX_ATTEMPTS })),
  );
}
