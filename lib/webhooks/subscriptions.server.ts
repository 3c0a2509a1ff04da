import "server-only";
// Webhook subscriptions, for ANS administrators (/administration/webhooks): create (the secret shown once), edit,
// disable and re-enable, rotate the secret with an overlap. Each act in one transaction with its event; the URL is
// checked (https, no credentials, a host resolving to public addresses only) before anything is written.
import { randomBytes } from "node:crypto";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { recordId } from "../organizations/organization-schema";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf, INVALID_FORM } from "../validation";
import { HOUR_MS } from "../vocabulary";
import { addressPolicyFromEnv } from "./config.server";
import { hostRefusal, type NetworkConfig } from "./http.server";
import { GENERATED_SECRET_BYTES, parseProvidedSecret, secretFromBytes } from "./secret-rules";
import { createSubscriptionSchema, rotateSecretSchema, updateSubscriptionSchema } from "./subscription-schema";
import { sourceEventsOf, type WebhookType } from "./types";
import { parseWebhookUrl, webhookHost } from "./url-rules";

const ADMINISTRATORS_ONLY = "Seuls les administrateurs de l'ANS peuvent gérer les webhooks.";
export const SUBSCRIPTION_NOT_FOUND = "Cet abonnement est introuvable.";
export const SUBSCRIPTION_MODIFIED_MEANWHILE = "L'abonnement a été modifié entre-temps par quelqu'un d'autre : rechargez la page, puis recommencez.";

export function requireWebhookManager(actor: Actor): void {
  if (!can(actor, { type: "webhook.manage" })) throw new AppError("FORBIDDEN", ADMINISTRATORS_ONLY);
}

/** How a URL is checked on save: the deployment's address policy and the system's resolver by default. */
export type SaveOptions = Partial<NetworkConfig>;

function networkOf(options: SaveOptions): NetworkConfig {
  return { policy: options.policy ?? addressPolicyFromEnv(), resolve: options.resolve };
}

/** The URL rules that need DNS, with the message next to the URL field. */
async function checkedUrl(raw: string, options: SaveOptions): Promise<string> {
  const network = networkOf(options);
  const parsed = parseWebhookUrl(raw, network.policy);
  if (!parsed.ok) throw new AppError("VALIDATION", INVALID_FORM, { url: parsed.message });
  const refused = await hostRefusal(parsed, network);
  if (refused) throw new AppError("VALIDATION", INVALID_FORM, { url: refused });
  return parsed.url;
}

function chosenSecret(raw: string | undefined): { secret: string; provided: boolean } {
  if (raw && raw.trim() !== "") {
    const parsed = parseProvidedSecret(raw);
    if (!parsed.ok) throw new AppError("VALIDATION", INVALID_FORM, { secret: parsed.message });
    return { secret: parsed.secret, provided: true };
  }
  return { secret: secretFromBytes(new Uint8Array(randomBytes(GENERATED_SECRET_BYTES))), provided: false };
}

const uniqueTypes = (types: readonly WebhookType[]): WebhookType[] => [...new Set(types)];

export type SubscriptionSummary = {
  id: string;
  name: string;
  url: string;
  host: string;
  eventTypes: string[];
  status: "ACTIVE" | "DISABLED";
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
  secretRotatedAt: Date | null;
  previousSecretUntil: Date | null;
  version: number;
  deliveries: { pending: number; delivered: number; failed: number };
  lastDeliveryAt: Date | null;
};

const summaryColumns = {
  id: true,
  name: true,
  url: true,
  eventTypes: true,
  status: true,
  disabledAt: true,
  disabledReason: true,
  consecutiveFailures: true,
  createdAt: true,
  secretRotatedAt: true,
  previousSecretUntil: true,
  version: true,
} as const;

async function withCounts<T extends { id: string; url: string }>(rows: T[]): Promise<(T & Pick<SubscriptionSummary, "host" | "deliveries" | "lastDeliveryAt">)[]> {
  const ids = rows.map((r) => r.id);
  const [counts, latest] = await Promise.all([
    db().webhookDelivery.groupBy({ by: ["subscriptionId", "status"], where: { subscriptionId: { in: ids } }, _count: { _all: true } }),
    db().webhookDelivery.groupBy({ by: ["subscriptionId"], where: { subscriptionId: { in: ids } }, _max: { createdAt: true } }),
  ]);
  return rows.map((r) => {
    const of = (status: "PENDING" | "DELIVERED" | "FAILED") => counts.find((c) => c.subscriptionId === r.id && c.status === status)?._count._all ?? 0;
    return {
      ...r,
      host: webhookHost(r.url),
      deliveries: { pending: of("PENDING"), delivered: of("DELIVERED"), failed: of("FAILED") },
      lastDeliveryAt: latest.find((l) => l.subscriptionId === r.id)?._max.createdAt ?? null,
    };
  });
}

export async function listSubscriptions(actor: Actor): Promise<SubscriptionSummary[]> {
  requireWebhookManager(actor);
  const rows = await db().webhookSubscription.findMany({ orderBy: [{ status: "asc" }, { createdAt: "desc" }], select: summaryColumns });
  return withCounts(rows);
}

/** One subscription; `previousSecretUntil` only while the previous secret still signs. */
export async function getSubscription(actor: Actor, subscriptionId: unknown, now: Date = new Date()): Promise<SubscriptionSummary> {
  requireWebhookManager(actor);
  const id = recordId.safeParse(subscriptionId);
  const row = id.success ? await db().webhookSubscription.findUnique({ where: { id: id.data }, select: summaryColumns }) : null;
  if (!row) throw new AppError("NOT_FOUND", SUBSCRIPTION_NOT_FOUND);
  const previousSecretUntil = row.previousSecretUntil && row.previousSecretUntil.getTime() > now.getTime() ? row.previousSecretUntil : null;
  return (await withCounts([{ ...row, previousSecretUntil }]))[0]!;
}

/** Returns the secret, once: it is never shown again. */
export async function createSubscription(
  actor: Actor,
  raw: { name?: unknown; url?: unknown; eventTypes?: unknown; secret?: unknown },
  request: RequestContext,
  options: SaveOptions = {},
): Promise<{ id: string; name: string; secret: string }> {
  requireWebhookManager(actor);
  const parsed = createSubscriptionSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(parsed.error));
  const url = await checkedUrl(parsed.data.url, options);
  const { secret } = chosenSecret(parsed.data.secret);
  const eventTypes = uniqueTypes(parsed.data.eventTypes);
  return db().$transaction(async (tx) => {
    // Acts already in the log happened before the subscription.
    const head = await tx.eventChainHead.findUnique({ where: { id: 1 }, select: { sequence: true } });
    const created = await tx.webhookSubscription.create({
      data: { name: parsed.data.name, url, eventTypes, sourceEvents: sourceEventsOf(eventTypes), secret, fromSequence: head?.sequence ?? 0n, createdById: actor.userId },
      select: { id: true, name: true },
    });
    await recordEvent(tx, {
      name: "webhook.subscription_created",
      actor: userActor(actor.userId),
      subjectId: created.id,
      request,
      payload: { name: created.name, host: webhookHost(url), eventTypes },
    });
    return { ...created, secret };
  });
}

export async function updateSubscription(
  actor: Actor,
  subscriptionId: unknown,
  raw: { name?: unknown; url?: unknown; eventTypes?: unknown; version?: unknown },
  request: RequestContext,
  options: SaveOptions = {},
): Promise<{ version: number }> {
  requireWebhookManager(actor);
  const id = recordId.safeParse(subscriptionId);
  if (!id.success) throw new AppError("NOT_FOUND", SUBSCRIPTION_NOT_FOUND);
  const parsed = updateSubscriptionSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(parsed.error));
  const url = await checkedUrl(parsed.data.url, options);
  const eventTypes = uniqueTypes(parsed.data.eventTypes);
  return db().$transaction(async (tx) => {
    const current = await tx.webhookSubscription.findUnique({ where: { id: id.data }, select: { name: true, url: true, eventTypes: true, version: true } });
    if (!current) throw new AppError("NOT_FOUND", SUBSCRIPTION_NOT_FOUND);
    const { count } = await tx.webhookSubscription.updateMany({
      where: { id: id.data, version: parsed.data.version },
      data: { name: parsed.data.name, url, eventTypes, sourceEvents: sourceEventsOf(eventTypes), version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", SUBSCRIPTION_MODIFIED_MEANWHILE);
    const changes: Record<string, { from: string | string[]; to: string | string[] }> = {};
    if (current.name !== parsed.data.name) changes.name = { from: current.name, to: parsed.data.name };
    if (current.url !== url) changes.host = { from: webhookHost(current.url), to: webhookHost(url) };
    if ([...current.eventTypes].sort().join() !== [...eventTypes].sort().join()) changes.eventTypes = { from: current.eventTypes, to: eventTypes };
    await recordEvent(tx, { name: "webhook.subscription_updated", actor: userActor(actor.userId), subjectId: id.data, request, payload: { changes } });
    return { version: parsed.data.version + 1 };
  });
}

export async function setSubscriptionActive(actor: Actor, raw: { subscriptionId?: unknown; version?: unknown; active: boolean }, request: RequestContext, now: Date = new Date()): Promise<{ version: number }> {
  requireWebhookManager(actor);
  const id = recordId.safeParse(raw.subscriptionId);
  const version = updateSubscriptionSchema.shape.version.safeParse(raw.version);
  if (!id.success) throw new AppError("NOT_FOUND", SUBSCRIPTION_NOT_FOUND);
  if (!version.success) throw new AppError("CONFLICT", SUBSCRIPTION_MODIFIED_MEANWHILE);
  return db().$transaction(async (tx) => {
    const current = await tx.webhookSubscription.findUnique({ where: { id: id.data }, select: { status: true, disabledReason: true, consecutiveFailures: true } });
    if (!current) throw new AppError("NOT_FOUND", SUBSCRIPTION_NOT_FOUND);
    const { count } = await tx.webhookSubscription.updateMany({
      where: { id: id.data, version: version.data, status: raw.active ? "DISABLED" : "ACTIVE" },
      data: raw.active
        ? { status: "ACTIVE", disabledAt: null, disabledReason: null, consecutiveFailures: 0, version: { increment: 1 } }
        : { status: "DISABLED", disabledAt: now, disabledReason: "administrator", version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", SUBSCRIPTION_MODIFIED_MEANWHILE);
    if (raw.active) {
      await recordEvent(tx, { name: "webhook.subscription_enabled", actor: userActor(actor.userId), subjectId: id.data, request, payload: { previousReason: current.disabledReason } });
    } else {
      await recordEvent(tx, {
        name: "webhook.subscription_disabled",
        actor: userActor(actor.userId),
        subjectId: id.data,
        request,
        payload: { reason: "administrator", consecutiveFailures: current.consecutiveFailures },
      });
    }
    return { version: version.data + 1 };
  });
}

/**
 * A new secret (generated, or the one provided), returned once. The previous one is still signed with for
 * `overlapHours`, so receivers switch without losing a message; a rotation during an overlap drops the oldest.
 */
export async function rotateSecret(
  actor: Actor,
  subscriptionId: unknown,
  raw: { secret?: unknown; overlapHours?: unknown; version?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ secret: string; previousSecretUntil: Date | null; version: number }> {
  requireWebhookManager(actor);
  const id = recordId.safeParse(subscriptionId);
  if (!id.success) throw new AppError("NOT_FOUND", SUBSCRIPTION_NOT_FOUND);
  const parsed = rotateSecretSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(parsed.error));
  const { secret, provided } = chosenSecret(parsed.data.secret);
  const previousSecretUntil = parsed.data.overlapHours > 0 ? new Date(now.getTime() + parsed.data.overlapHours * HOUR_MS) : null;
  return db().$transaction(async (tx) => {
    const current = await tx.webhookSubscription.findUnique({ where: { id: id.data }, select: { secret: true } });
    if (!current) throw new AppError("NOT_FOUND", SUBSCRIPTION_NOT_FOUND);
    if (current.secret === secret) throw new AppError("VALIDATION", INVALID_FORM, { secret: "Ce secret est déjà celui de l'abonnement : choisissez-en un nouveau." });
    const { count } = await tx.webhookSubscription.updateMany({
      where: { id: id.data, version: parsed.data.version },
      data: {
        secret,
        previousSecret: previousSecretUntil ? current.secret : null,
        previousSecretUntil,
        secretRotatedAt: now,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("CONFLICT", SUBSCRIPTION_MODIFIED_MEANWHILE);
    await recordEvent(tx, {
      name: "webhook.secret_rotated",
      actor: userActor(actor.userId),
      subjectId: id.data,
      request,
      payload: { overlapHours: parsed.data.overlapHours, previousSecretUntil: previousSecretUntil?.toISOString() ?? null, provided },
    });
    return { secret, previousSecretUntil, version: parsed.data.version + 1 };
  });
}
