import "server-only";
// The dispatcher (ADR 0032): reads the acts committed since its cursor, in the event log's commit order, and turns
// them into deliveries — rows and their jobs — in one transaction with the cursor's move. Queued by the database at
// the commit of any act an active subscription is fed by (trigger "Event_webhooks"), and every minute by the sweep.
// The cursor's row lock makes dispatchers on several workers take turns; a batch is dispatched once.
import { randomUUID } from "node:crypto";
import { db } from "../db.server";
import { queueJob, queueJobs } from "../jobs/queue.server";
import { TASKS } from "../jobs/schedules";
import { planDeliveries, whitelistCauses, type DispatchedEvent, type DispatchSubscription, type WhitelistState } from "./messages";
import { DISPATCH_JOB_KEY, webhookJobKey, WEBHOOK_JOB_MAX_ATTEMPTS } from "./schedule";
import { ALL_SOURCE_EVENTS } from "./types";
import { currentWhitelistState } from "./whitelist-state.server";

export const DISPATCH_BATCH = 500;

export type DispatchResult = { events: number; deliveries: number; more: boolean };

export type DispatchOptions = {
  now?: Date;
  limit?: number;
  /** The whitelist after the batch; read from the database by default. */
  whitelistState?: (now: Date) => Promise<WhitelistState>;
};

export async function dispatchWebhooks(options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? DISPATCH_BATCH;
  return db().$transaction(
    async (tx) => {
      const [cursor] = await tx.$queryRaw<{ sequence: bigint; whitelistRevision: string | null }[]>`
        SELECT "sequence", "whitelistRevision" FROM "WebhookDispatchCursor" WHERE "id" = 1 FOR UPDATE`;
      if (!cursor) throw new Error("the webhook dispatch cursor is missing (migration webhooks)");
      // Every act up to the chain's end has committed (sequences are given in commit order, under the chain's lock).
      const head = (await tx.eventChainHead.findUnique({ where: { id: 1 }, select: { sequence: true } }))?.sequence ?? 0n;
      const subscriptions: DispatchSubscription[] = await tx.webhookSubscription.findMany({
        where: { status: "ACTIVE" },
        select: { id: true, eventTypes: true, fromSequence: true },
      });
      if (subscriptions.length === 0) {
        await tx.webhookDispatchCursor.update({ where: { id: 1 }, data: { sequence: head > cursor.sequence ? head : cursor.sequence, dispatchedAt: now } });
        return { events: 0, deliveries: 0, more: false };
      }
      // Acts before every subscription's start concern none of them.
      const earliest = subscriptions.map((s) => s.fromSequence).reduce((a, b) => (b < a ? b : a));
      const lower = cursor.sequence > earliest ? cursor.sequence : earliest;
      const rows = await tx.event.findMany({
        where: { sequence: { gt: lower, lte: head }, name: { in: [...ALL_SOURCE_EVENTS] } },
        orderBy: { sequence: "asc" },
        take: limit,
        select: { id: true, sequence: true, name: true, subjectType: true, subjectId: true, organizationId: true, occurredAt: true, payload: true },
      });
      const events: DispatchedEvent[] = rows.map((r) => ({ ...r, sequence: r.sequence! }));
      const more = events.length === limit;
      const upTo = more ? events.at(-1)!.sequence : head > cursor.sequence ? head : cursor.sequence;

      let whitelist: WhitelistState | null = null;
      if (whitelistCauses(events, subscriptions).length > 0) {
        // Read after the chain's end: it reflects at least every act of the batch.
        const state = await (options.whitelistState ?? currentWhitelistState)(now);
        if (state.revision !== cursor.whitelistRevision) whitelist = state;
      }
      const planned = planDeliveries({ events, subscriptions, whitelist, at: now });
      const created =
        planned.length === 0
          ? []
          : await tx.webhookDelivery.createManyAndReturn({
              data: planned.map((p) => ({ id: randomUUID(), subscriptionId: p.subscriptionId, eventId: p.eventId, eventSequence: p.eventSequence, type: p.type, body: p.body, createdAt: now })),
              skipDuplicates: true,
              select: { id: true },
            });
      await queueJobs(
        tx,
        created.map((d) => ({ task: TASKS.deliverWebhook, payload: { id: d.id }, key: webhookJobKey(d.id), maxAttempts: WEBHOOK_JOB_MAX_ATTEMPTS })),
      );
      await tx.webhookDispatchCursor.update({
        where: { id: 1 },
        data: { sequence: upTo, whitelistRevision: whitelist?.revision ?? cursor.whitelistRevision, dispatchedAt: now },
      });
      if (more) await queueJob(tx, { task: TASKS.dispatchWebhooks, payload: {}, key: DISPATCH_JOB_KEY, maxAttempts: WEBHOOK_JOB_MAX_ATTEMPTS });
      return { events: events.length, deliveries: created.length, more };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** A pending delivery whose try is this late has lost its job (its job failed for good: the database was away). */
const LATE = "10 minutes";

/**
 * The safety net, every minute: dispatches what the trigger's job may have missed, and queues a job for each pending
 * delivery that has no live one (never a second job beside a waiting or running one).
 */
export async function sweepWebhooks(limit = 1000): Promise<{ dispatched: DispatchResult; requeued: number }> {
  const dispatched = await dispatchWebhooks();
  const requeued = await db().$executeRawUnsafe(
    `SELECT graphile_worker.add_job($1, json_build_object('id', d."id"), max_attempts => $2, job_key => 'webhook:' || d."id")
     FROM (
       SELECT "id" FROM "WebhookDelivery" d
       WHERE d."status" = 'PENDING' AND coalesce(d."nextAttemptAt", d."createdAt") < now() - interval '${LATE}'
         AND NOT EXISTS (
           SELECT 1 FROM graphile_worker.jobs j
           WHERE j."key" = 'webhook:' || d."id" AND (j."locked_at" IS NOT NULL OR j."attempts" < j."max_attempts"))
       ORDER BY d."createdAt" LIMIT $3
     ) d`,
    TASKS.deliverWebhook,
    WEBHOOK_JOB_MAX_ATTEMPTS,
    limit,
  );
  return { dispatched, requeued };
}
