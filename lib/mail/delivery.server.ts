import "server-only";
// The mail job: delivers one queued message over SMTP, outside any database transaction (ADR 0017). Idempotent: a
// message already delivered or failed is left alone, so a job run twice (at-least-once delivery) sends it once.
import { recordEvent } from "../events/record.server";
import { systemActor } from "../events/actor";
import { db } from "../db.server";
import { queueJob } from "../jobs/queue.server";
import { TASKS } from "../jobs/schedules";
import { mailJobKey, MAIL_JOB_MAX_ATTEMPTS } from "./outbox.server";
import { nextAttemptAt, type RetrySchedule } from "./retry";
import { classifySmtpError } from "./smtp-error";
import type { MailTransport } from "./transport.server";

export type DeliveryConfig = {
  /** Null when no SMTP server is configured: the message stays in the development mailbox. */
  transport: MailTransport | null;
  from: string;
  replyTo?: string;
  schedule: RetrySchedule;
  random?: () => number;
  now?: () => Date;
};

export type DeliveryOutcome = "sent" | "retry" | "failed" | "mailbox" | "skipped";

export async function deliverMessage(id: string, config: DeliveryConfig): Promise<DeliveryOutcome> {
  const now = config.now ?? (() => new Date());
  const message = await db().outboxMessage.findUnique({ where: { id } });
  if (!message || message.status !== "PENDING") return "skipped";
  if (!config.transport) {
    await db().outboxMessage.updateMany({ where: { id, status: "PENDING" }, data: { status: "MAILBOX" } });
    return "mailbox";
  }
  // Counted before sending: a worker that dies mid-send leaves the attempt on record.
  const attempted = await db().outboxMessage.update({ where: { id }, data: { attempts: { increment: 1 }, lastAttemptAt: now() }, select: { attempts: true } });
  try {
    await config.transport.send({ from: config.from, replyTo: config.replyTo, to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
  } catch (error) {
    return failed(message, attempted.attempts, error, config, now());
  }
  await db().outboxMessage.update({ where: { id }, data: { status: "SENT", sentAt: now(), nextAttemptAt: null } });
  return "sent";
}

async function failed(
  message: { id: string; to: string; kind: string; retryUntil: Date | null },
  attempts: number,
  error: unknown,
  config: DeliveryConfig,
  at: Date,
): Promise<DeliveryOutcome> {
  const failure = classifySmtpError(error);
  const retryUntil = message.retryUntil ?? new Date(at.getTime() + config.schedule.windowMs);
  // Failures of this series: the first one opened the window.
  const failures = message.retryUntil ? Math.max(attempts, 1) : 1;
  const next = failure.permanent ? null : nextAttemptAt({ failures, now: at, retryUntil, schedule: config.schedule, random: config.random });
  return db().$transaction(async (tx) => {
    if (next) {
      await tx.outboxMessage.update({ where: { id: message.id }, data: { lastError: failure.description, retryUntil, nextAttemptAt: next } });
      await queueJob(tx, { task: TASKS.sendMail, payload: { id: message.id }, key: mailJobKey(message.id), runAt: next, maxAttempts: MAIL_JOB_MAX_ATTEMPTS });
      return "retry" as const;
    }
    await tx.outboxMessage.update({ where: { id: message.id }, data: { status: "FAILED", failedAt: at, lastError: failure.description, nextAttemptAt: null } });
    await recordEvent(tx, {
      name: "mail.failed",
      actor: systemActor("mail"),
      subjectId: message.id,
      payload: { kind: message.kind, attempts, responseCode: failure.responseCode, permanent: failure.permanent },
      personal: { email: message.to },
    });
    return "failed" as const;
  });
}
