import "server-only";
// The delivery job (ADR 0032): one signed POST of one delivery, outside any transaction, then its outcome in one
// transaction: the try in the log, the delivery delivered, retried later (its own next job) or failed for good, and the
// subscription's count of failures in a row — disabled at 50, with a mail to administrators. Idempotent: a delivery
// that is not pending is left alone, so a job run twice sends once (a worker dying mid-send sends again, with the same
// webhook-id, which receivers use to drop duplicates).
import { recordEvent } from "../events/record.server";
import { systemActor } from "../events/actor";
import { db, type Tx } from "../db.server";
import { queueJob } from "../jobs/queue.server";
import { TASKS } from "../jobs/schedules";
import { queueMail } from "../mail/outbox.server";
import { nextAttemptAt, type RetrySchedule } from "../mail/retry";
import { portalLink } from "../portal-link.server";
import { postWebhook, type HttpOutcome, type NetworkConfig } from "./http.server";
import { subscriptionDisabledMail } from "./mail-texts";
import { DISABLE_AFTER_FAILURES, webhookJobKey, WEBHOOK_JOB_MAX_ATTEMPTS } from "./schedule";
import { secretsInForce, signWebhook, webhookId } from "./signature";
import { parseWebhookUrl, webhookHost } from "./url-rules";

export type WebhookDeliveryConfig = NetworkConfig & {
  schedule: RetrySchedule;
  random?: () => number;
  now?: () => Date;
  /** DISABLE_AFTER_FAILURES by default. */
  disableAfter?: number;
};

export type WebhookDeliveryOutcome = "delivered" | "retry" | "failed" | "disabled" | "cancelled" | "skipped";

export const SUBSCRIPTION_DISABLED = "Abonnement désactivé : envoi abandonné.";

export const webhookAdministrationPath = (subscriptionId: string) => `/administration/webhooks/${subscriptionId}`;

export async function deliverWebhook(id: string, config: WebhookDeliveryConfig): Promise<WebhookDeliveryOutcome> {
  const now = config.now ?? (() => new Date());
  const delivery = await db().webhookDelivery.findUnique({ where: { id }, include: { subscription: true } });
  if (!delivery || delivery.status !== "PENDING") return "skipped";
  const subscription = delivery.subscription;
  if (subscription.status !== "ACTIVE") {
    await db().webhookDelivery.updateMany({
      where: { id, status: "PENDING" },
      data: { status: "FAILED", failedAt: now(), nextAttemptAt: null, lastError: SUBSCRIPTION_DISABLED },
    });
    return "cancelled";
  }
  const startedAt = now();
  // Counted before sending: a worker that dies mid-send leaves the try on record.
  const { attempts } = await db().webhookDelivery.update({ where: { id }, data: { attempts: { increment: 1 }, lastAttemptAt: startedAt }, select: { attempts: true } });
  const url = parseWebhookUrl(subscription.url, config.policy);
  const outcome: HttpOutcome = url.ok
    ? await postWebhook(
        url,
        signWebhook({ id: webhookId(delivery.id), at: startedAt, body: delivery.body, secrets: secretsInForce(subscription, startedAt) }),
        delivery.body,
        config,
      )
    : { statusCode: null, durationMs: 0, error: url.message, excerpt: null, remoteAddress: null };
  const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const at = now();

  return db().$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: id,
        number: attempts,
        startedAt,
        durationMs: outcome.durationMs,
        statusCode: outcome.statusCode,
        error: outcome.error,
        responseExcerpt: outcome.excerpt,
        replayedById: delivery.replayedById,
      },
    });
    const last = { lastStatusCode: outcome.statusCode, lastDurationMs: outcome.durationMs, lastError: outcome.error, replayedById: null };
    if (ok) {
      await tx.webhookDelivery.update({ where: { id }, data: { ...last, status: "DELIVERED", deliveredAt: at, nextAttemptAt: null } });
      // Written only when there is something to reset: deliveries to one receiver do not queue on its row.
      await tx.webhookSubscription.updateMany({ where: { id: subscription.id, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
      return "delivered" as const;
    }
    const [counted] = await tx.$queryRaw<{ consecutiveFailures: number }[]>`
      UPDATE "WebhookSubscription" SET "consecutiveFailures" = "consecutiveFailures" + 1 WHERE "id" = ${subscription.id}::uuid RETURNING "consecutiveFailures"`;
    const failures = counted?.consecutiveFailures ?? 0;
    if (failures >= (config.disableAfter ?? DISABLE_AFTER_FAILURES)) {
      await disableForFailures(tx, { ...subscription, failures, lastError: outcome.error }, at);
      await tx.webhookDelivery.update({ where: { id }, data: { ...last, status: "FAILED", failedAt: at, nextAttemptAt: null } });
      return "disabled" as const;
    }
    const retryUntil = delivery.retryUntil ?? new Date(at.getTime() + config.schedule.windowMs);
    // Failures of this series: the first one opened the window.
    const seriesFailures = delivery.retryUntil ? Math.max(attempts - delivery.seriesFirstTry + 1, 1) : 1;
    const next = nextAttemptAt({ failures: seriesFailures, now: at, retryUntil, schedule: config.schedule, random: config.random });
    if (next) {
      await tx.webhookDelivery.update({ where: { id }, data: { ...last, retryUntil, nextAttemptAt: next } });
      await queueJob(tx, { task: TASKS.deliverWebhook, payload: { id }, key: webhookJobKey(id), runAt: next, maxAttempts: WEBHOOK_JOB_MAX_ATTEMPTS });
      return "retry" as const;
    }
    await tx.webhookDelivery.update({ where: { id }, data: { ...last, status: "FAILED", failedAt: at, nextAttemptAt: null } });
    await recordEvent(tx, {
      name: "webhook.delivery_failed",
      actor: systemActor("webhooks"),
      subjectId: id,
      payload: { subscriptionId: subscription.id, type: delivery.type, attempts, statusCode: outcome.statusCode },
    });
    return "failed" as const;
  });
}

/** Once across workers: only the try that finds the subscription still active disables it, records it and mails. */
async function disableForFailures(tx: Tx, subscription: { id: string; name: string; url: string; failures: number; lastError: string | null }, at: Date): Promise<void> {
  const { count } = await tx.webhookSubscription.updateMany({
    where: { id: subscription.id, status: "ACTIVE" },
    data: { status: "DISABLED", disabledAt: at, disabledReason: "failures", version: { increment: 1 } },
  });
  if (count !== 1) return;
  await recordEvent(tx, {
    name: "webhook.subscription_disabled",
    actor: systemActor("webhooks"),
    subjectId: subscription.id,
    payload: { reason: "failures", consecutiveFailures: subscription.failures },
  });
  const administrators = await tx.user.findMany({ where: { status: "ACTIVE", roles: { has: "ANS_ADMIN" } }, select: { email: true }, orderBy: { email: "asc" } });
  const mail = subscriptionDisabledMail({
    name: subscription.name,
    host: webhookHost(subscription.url),
    failures: subscription.failures,
    lastError: subscription.lastError,
    link: portalLink(webhookAdministrationPath(subscription.id)),
  });
  await queueMail(tx, administrators.map((a) => ({ to: a.email, ...mail })));
}
