import "server-only";
// The delivery log of one subscription (status, answer, duration, tries) and the manual replay of one delivery: the
// same webhook-id and body, a new series of tries, a new job, in one transaction with its event.
import { z } from "zod";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { queueJob } from "../jobs/queue.server";
import { TASKS } from "../jobs/schedules";
import type { RequestContext } from "../request.server";
import { webhookJobKey, WEBHOOK_JOB_MAX_ATTEMPTS } from "./schedule";
import { webhookId } from "./signature";
import { requireWebhookManager, SUBSCRIPTION_NOT_FOUND } from "./subscriptions.server";

export const DELIVERY_NOT_FOUND = "Cet envoi est introuvable pour cet abonnement.";
export const REPLAY_NEEDS_ACTIVE = "L'abonnement est désactivé : réactivez-le avant de renvoyer un envoi.";
export const DELIVERIES_PER_PAGE = 50;

export type DeliveryTry = { number: number; startedAt: Date; durationMs: number; statusCode: number | null; error: string | null; responseExcerpt: string | null; replayed: boolean };

export type DeliveryLine = {
  id: string;
  webhookId: string;
  type: string;
  /** What the act is about, in words ("Orientation Plus — Santé Numérique SAS"), when it can be named. */
  about: string | null;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  tries: DeliveryTry[];
};

const uuid = z.uuid();

/** Names of the services the deliveries' acts are about (dossiers and enrolments), looked up at read time. */
async function subjectNames(rows: { eventId: string }[]): Promise<Map<string, string>> {
  const events = await db().event.findMany({ where: { id: { in: rows.map((r) => r.eventId) } }, select: { id: true, subjectType: true, subjectId: true } });
  const ids = (type: string) => events.filter((e) => e.subjectType === type && e.subjectId && uuid.safeParse(e.subjectId).success).map((e) => e.subjectId!);
  const [applications, enrolments] = await Promise.all([
    db().application.findMany({ where: { id: { in: ids("Application") } }, select: { id: true, serviceName: true, organizationName: true } }),
    db().enrolment.findMany({ where: { id: { in: ids("Enrolment") } }, select: { id: true, application: { select: { serviceName: true, organizationName: true } } } }),
  ]);
  const named = new Map<string, string>();
  for (const a of applications) named.set(a.id, `${a.serviceName} — ${a.organizationName}`);
  for (const e of enrolments) named.set(e.id, `${e.application.serviceName} — ${e.application.organizationName}`);
  const byEvent = new Map<string, string>();
  for (const e of events) {
    const name = e.subjectId ? named.get(e.subjectId) : undefined;
    if (name) byEvent.set(e.id, name);
  }
  return byEvent;
}

export async function listDeliveries(actor: Actor, subscriptionId: unknown, page = 1): Promise<{ deliveries: DeliveryLine[]; total: number; page: number; pages: number }> {
  requireWebhookManager(actor);
  const id = uuid.safeParse(subscriptionId);
  if (!id.success || !(await db().webhookSubscription.findUnique({ where: { id: id.data }, select: { id: true } }))) throw new AppError("NOT_FOUND", SUBSCRIPTION_NOT_FOUND);
  const total = await db().webhookDelivery.count({ where: { subscriptionId: id.data } });
  const pages = Math.max(1, Math.ceil(total / DELIVERIES_PER_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db().webhookDelivery.findMany({
    where: { subscriptionId: id.data },
    orderBy: [{ createdAt: "desc" }, { eventSequence: "desc" }, { id: "asc" }],
    skip: (current - 1) * DELIVERIES_PER_PAGE,
    take: DELIVERIES_PER_PAGE,
    include: { tries: { orderBy: { number: "desc" }, take: 20 } },
  });
  const names = await subjectNames(rows);
  return {
    total,
    page: current,
    pages,
    deliveries: rows.map((r) => ({
      id: r.id,
      webhookId: webhookId(r.id),
      type: r.type,
      about: names.get(r.eventId) ?? null,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.createdAt,
      lastAttemptAt: r.lastAttemptAt,
      nextAttemptAt: r.nextAttemptAt,
      deliveredAt: r.deliveredAt,
      failedAt: r.failedAt,
      lastStatusCode: r.lastStatusCode,
      lastDurationMs: r.lastDurationMs,
      lastError: r.lastError,
      tries: r.tries.map((t) => ({
        number: t.number,
        startedAt: t.startedAt,
        durationMs: t.durationMs,
        statusCode: t.statusCode,
        error: t.error,
        responseExcerpt: t.responseExcerpt,
        replayed: t.replayedById !== null,
      })),
    })),
  };
}

/**
 * Sends one delivery of this subscription again, now: delivered, failed or still waiting for a retry. A delivery of
 * another subscription is not found (404), whatever its id.
 */
export async function replayDelivery(actor: Actor, raw: { subscriptionId?: unknown; deliveryId?: unknown }, request: RequestContext, now: Date = new Date()): Promise<{ webhookId: string }> {
  requireWebhookManager(actor);
  const subscriptionId = uuid.safeParse(raw.subscriptionId);
  const deliveryId = uuid.safeParse(raw.deliveryId);
  if (!subscriptionId.success || !deliveryId.success) throw new AppError("NOT_FOUND", DELIVERY_NOT_FOUND);
  return db().$transaction(async (tx) => {
    const [delivery] = await tx.$queryRaw<{ id: string; type: string; status: string; attempts: number; subscriptionStatus: string }[]>`
      SELECT d."id"::text AS "id", d."type", d."status"::text AS "status", d."attempts", s."status"::text AS "subscriptionStatus"
      FROM "WebhookDelivery" d JOIN "WebhookSubscription" s ON s."id" = d."subscriptionId"
      WHERE d."id" = ${deliveryId.data}::uuid AND d."subscriptionId" = ${subscriptionId.data}::uuid
      FOR UPDATE OF d`;
    if (!delivery) throw new AppError("NOT_FOUND", DELIVERY_NOT_FOUND);
    if (delivery.subscriptionStatus !== "ACTIVE") throw new AppError("CONFLICT", REPLAY_NEEDS_ACTIVE);
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", retryUntil: null, nextAttemptAt: now, failedAt: null, seriesFirstTry: delivery.attempts + 1, replayedById: actor.userId },
    });
    await queueJob(tx, { task: TASKS.deliverWebhook, payload: { id: delivery.id }, key: webhookJobKey(delivery.id), runAt: now, maxAttempts: WEBHOOK_JOB_MAX_ATTEMPTS });
    await recordEvent(tx, {
      name: "webhook.delivery_replayed",
      actor: userActor(actor.userId),
      subjectId: delivery.id,
      request,
      payload: { subscriptionId: subscriptionId.data, type: delivery.type, previousStatus: delivery.status, attempts: delivery.attempts },
    });
    return { webhookId: webhookId(delivery.id) };
  });
}
