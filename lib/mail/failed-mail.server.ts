import "server-only";
// Messages that failed for good, for ANS administrators (/administration/courriels): who, what, why, how many
// tries; "renvoyer" starts a new series of tries with a new delivery job, in one transaction with its event.
import { z } from "zod";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { queueJob } from "../jobs/queue.server";
import { TASKS } from "../jobs/schedules";
import type { RequestContext } from "../request.server";
import { mailJobKey, MAIL_JOB_MAX_ATTEMPTS } from "./outbox.server";

const ADMINISTRATORS_ONLY = "Seuls les administrateurs de l'ANS peuvent consulter et renvoyer les courriels en échec.";
const NOT_FOUND = "Ce courriel est introuvable.";
const NOT_FAILED = "Ce courriel n'est plus en échec : il a déjà été renvoyé.";

function requireMailManager(actor: Actor): void {
  if (!can(actor, { type: "mail.manage" })) throw new AppError("FORBIDDEN", ADMINISTRATORS_ONLY);
}

export type FailedMail = { id: string; to: string; subject: string; kind: string; lastError: string | null; attempts: number; createdAt: Date; failedAt: Date | null };

export async function listFailedMail(actor: Actor, take = 200): Promise<{ messages: FailedMail[]; total: number }> {
  requireMailManager(actor);
  const where = { status: "FAILED" as const };
  const [messages, total] = await Promise.all([
    db().outboxMessage.findMany({
      where,
      orderBy: [{ failedAt: "desc" }, { createdAt: "desc" }],
      take,
      select: { id: true, to: true, subject: true, kind: true, lastError: true, attempts: true, createdAt: true, failedAt: true },
    }),
    db().outboxMessage.count({ where }),
  ]);
  return { messages, total };
}

export async function resendFailedMail(actor: Actor, messageId: unknown, request: RequestContext): Promise<{ to: string }> {
  requireMailManager(actor);
  const id = z.uuid().safeParse(messageId);
  if (!id.success) throw new AppError("NOT_FOUND", NOT_FOUND);
  return db().$transaction(async (tx) => {
    const message = await tx.outboxMessage.findUnique({ where: { id: id.data }, select: { id: true, to: true, kind: true, attempts: true, status: true } });
    if (!message) throw new AppError("NOT_FOUND", NOT_FOUND);
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, retryUntil: null, nextAttemptAt: null, failedAt: null },
    });
    if (count !== 1) throw new AppError("CONFLICT", NOT_FAILED);
    await queueJob(tx, { task: TASKS.sendMail, payload: { id: message.id }, key: mailJobKey(message.id), maxAttempts: MAIL_JOB_MAX_ATTEMPTS });
    await recordEvent(tx, {
      name: "mail.resent",
      actor: userActor(actor.userId),
      subjectId: message.id,
      request,
      payload: { kind: message.kind, previousAttempts: message.attempts },
      personal: { email: message.to },
    });
    return { to: message.to };
  });
}
