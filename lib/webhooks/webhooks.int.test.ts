// Outgoing webhooks against a real HTTPS receiver on loopback (lib/testing/webhook-receiver.ts) that verifies each
// Standard Webhooks signature with the `standardwebhooks` package, answers 500 then 200, hangs, redirects, or sends a
// long body. First without a worker (the rules at save time, the dispatcher, the pinned lookup, each call made by
// hand), then with a real worker whose retry schedule is compressed to fractions of a second.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "../applications/create-draft.server";
import { submitApplication } from "../applications/submit.server";
import { db } from "../db.server";
import { suspendEnrolment } from "../enrolments/suspend.server";
import { reinstateEnrolment } from "../enrolments/reinstate.server";
import { revokeEnrolment } from "../enrolments/revoke.server";
import { approveApplication } from "../review/approve.server";
import { startWorker, type RunningWorker } from "../runtime/worker.server";
import { completeService, outboxTo, profileByCode, reviewer, testRequest } from "../testing/application-fixtures.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { rejection } from "../testing/organization-fixtures.server";
import { waitFor } from "../testing/wait";
import { startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { whitelistApiResponse } from "../whitelist/api.server";
import { createApiToken } from "../whitelist/api-tokens.server";
import { TASKS } from "../jobs/schedules";
import { replayDelivery, listDeliveries, DELIVERY_NOT_FOUND, REPLAY_NEEDS_ACTIVE } from "./deliveries.server";
import { deliverWebhook, type WebhookDeliveryConfig } from "./delivery.server";
import { dispatchWebhooks } from "./dispatch.server";
import { systemResolver, type Resolver } from "./http.server";
import { SECRET_MESSAGES } from "./secret-rules";
import { webhookId } from "./signature";
import { createSubscription, rotateSecret, setSubscriptionActive, updateSubscription } from "./subscriptions.server";
import { UNKNOWN_TYPE } from "./types";
import { URL_MESSAGES } from "./url-rules";

const loopback = { allowLoopback: true };
const strict = { allowLoopback: false };
/** Names of our own, as a DNS server would answer them. */
function resolverOf(table: Record<string, string[]>): Resolver {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

let admin: Awaited<ReturnType<typeof createPerson>>;
let secondAdmin: Awaited<ReturnType<typeof createPerson>>;
let ans: Awaited<ReturnType<typeof reviewer>>;
let receiver: WebhookReceiver;

async function submittedApplication() {
  const editor = await completeService({ profileCode: "2" });
  const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
  const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
  return { editor, applicationId, version };
}

async function approvedEnrolment() {
  const { editor, applicationId, version } = await submittedApplication();
  const profile = await profileByCode("2");
  const { enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: profile.id }, testRequest);
  return { editor, applicationId, enrolmentId };
}

async function subscribe(types: string[], options: { url?: string; secret?: string; policy?: typeof loopback; resolve?: Resolver; name?: string } = {}) {
  return createSubscription(
    admin,
    { name: options.name ?? "Passerelle de test", url: options.url ?? receiver.url(), eventTypes: types, secret: options.secret },
    testRequest,
    { policy: options.policy ?? loopback, resolve: options.resolve },
  );
}

const deliveriesOf = (subscriptionId: string) => db().webhookDelivery.findMany({ where: { subscriptionId }, orderBy: [{ eventSequence: "asc" }, { type: "asc" }], include: { tries: { orderBy: { number: "asc" } } } });
const removeDispatchJob = () => db().$queryRawUnsafe(`SELECT graphile_worker.remove_job('webhooks:dispatch')`);
const pendingDispatchJobs = () => db().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = $1 AND locked_at IS NULL`, TASKS.dispatchWebhooks);

beforeAll(async () => {
  admin = await createPerson(["ANS_ADMIN"], "Ada Ministratrice");
  secondAdmin = await createPerson(["ANS_ADMIN"], "Basile Administrateur");
  ans = await reviewer();
  receiver = await startWebhookReceiver({ names: ["recepteur.test"] });
});

afterAll(async () => {
  await receiver?.close();
});

describe("subscriptions: what is refused at save time, in French, with nothing written", () => {
  it("refuses http, credentials, private and loopback addresses, names resolving to them, unknown types and short secrets", async () => {
    const before = await db().webhookSubscription.count();
    const eventsBefore = await db().event.count({ where: { name: { startsWith: "webhook." } } });
    const cases: [Record<string, unknown>, { policy?: typeof loopback; resolve?: Resolver }, string, string][] = [
      [{ url: "http://passerelle.exemple.fr/ror" }, {}, "url", URL_MESSAGES.notHttps],
      [{ url: "https://jean:motdepasse@passerelle.exemple.fr/ror" }, {}, "url", URL_MESSAGES.credentials],
      [{ url: "https://10.0.0.8/ror" }, {}, "url", "L'adresse 10.0.0.8 est une adresse privée : le portail n'envoie de webhooks qu'à des adresses publiques."],
      [{ url: "https://[::1]:8443/ror" }, { policy: strict }, "url", "L'adresse ::1 est une adresse de bouclage (loopback) : le portail n'envoie de webhooks qu'à des adresses publiques."],
      // The default policy (WEBHOOK_ALLOW_LOOPBACK unset) and the system's resolver: localhost is refused.
      [{ url: receiver.url() }, { policy: undefined, resolve: systemResolver }, "url", "Le nom localhost désigne une adresse non publique. L'adresse 127.0.0.1 est une adresse de bouclage (loopback) : le portail n'envoie de webhooks qu'à des adresses publiques."],
      [
        { url: "https://interne.exemple.fr/ror" },
        { resolve: resolverOf({ "interne.exemple.fr": ["93.184.215.14", "192.168.10.4"] }) },
        "url",
        "Le nom interne.exemple.fr désigne une adresse non publique. L'adresse 192.168.10.4 est une adresse privée : le portail n'envoie de webhooks qu'à des adresses publiques.",
      ],
      [{ url: "https://nulle-part.exemple.fr/ror" }, { resolve: resolverOf({}) }, "url", URL_MESSAGES.unresolved("nulle-part.exemple.fr")],
      [{ eventTypes: ["user.signed_in"] }, {}, "eventTypes.0", UNKNOWN_TYPE],
      [{ eventTypes: [] }, {}, "eventTypes", "Choisissez au moins un type d'événement."],
      [{ secret: "trop-court-de-31-octets-xxxxxxx" }, {}, "secret", SECRET_MESSAGES.tooShort],
    ];
    for (const [change, options, field, message] of cases) {
      const error = await rejection(
        createSubscription(admin, { name: "Passerelle", url: "https://passerelle.exemple.fr/ror", eventTypes: ["enrolment.revoked"], ...change }, testRequest, {
          policy: "policy" in options ? options.policy : loopback,
          resolve: options.resolve ?? resolverOf({ "passerelle.exemple.fr": ["93.184.215.14"] }),
        }),
      );
      expect(error.code, JSON.stringify(change)).toBe("VALIDATION");
      expect(error.fieldErrors[field], JSON.stringify(change)).toBe(message);
    }
    const forbidden = await rejection(createSubscription(ans, { name: "Passerelle", url: receiver.url(), eventTypes: ["enrolment.revoked"] }, testRequest, { policy: loopback }));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(await db().webhookSubscription.count()).toBe(before);
    expect(await db().event.count({ where: { name: { startsWith: "webhook." } } })).toBe(eventsBefore);
  });

  it("creates a subscription with a generated secret shown once, and records only its host", async () => {
    const created = await subscribe(["enrolment.revoked"], { url: `${receiver.url("/hooks")}?jeton=ne-pas-journaliser` });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await db().webhookSubscription.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.sourceEvents).toEqual(["enrolment.revoked"]);
    const event = await db().event.findFirstOrThrow({ where: { name: "webhook.subscription_created", subjectId: created.id } });
    expect(event.payload).toEqual({ name: "Passerelle de test", host: `localhost:${receiver.port}`, eventTypes: ["enrolment.revoked"] });
    expect(JSON.stringify(event.payload)).not.toContain("jeton");
    // Edited with the version it was read at; a stale version is refused.
    await updateSubscription(admin, created.id, { name: "Passerelle renommée", url: receiver.url(), eventTypes: ["enrolment.revoked", "whitelist.changed"], version: 1 }, testRequest, { policy: loopback });
    expect((await rejection(updateSubscription(admin, created.id, { name: "Autre", url: receiver.url(), eventTypes: ["enrolment.revoked"], version: 1 }, testRequest, { policy: loopback }))).code).toBe("CONFLICT");
    const updated = await db().webhookSubscription.findUniqueOrThrow({ where: { id: created.id } });
    expect(updated.sourceEvents).toContain("level1_quota.updated");
    await setSubscriptionActive(admin, { subscriptionId: created.id, version: 2, active: false }, testRequest);
  });
});

describe("the dispatcher and one delivery, by hand", () => {
  it("queues the dispatcher at the commit of an act a subscription is fed by, and never for others or a rollback", async () => {
    const sub = await subscribe(["application.submitted"]);
    await removeDispatchJob();
    await createPerson(["ANS_REVIEWER"], "Sans effet");
    expect((await pendingDispatchJobs())[0]!.n).toBe(0);
    const { applicationId } = await submittedApplication();
    expect((await pendingDispatchJobs())[0]!.n).toBe(1);
    await removeDispatchJob();
    await db()
      .$transaction(async (tx) => {
        await tx.event.create({ data: { name: "application.submitted", actorType: "SYSTEM", actorJob: "test", payload: {} } });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect((await pendingDispatchJobs())[0]!.n).toBe(0);

    const result = await dispatchWebhooks();
    expect(result.deliveries).toBeGreaterThanOrEqual(1);
    // Dispatched once: running it again finds nothing new.
    expect((await dispatchWebhooks()).deliveries).toBe(0);
    const [delivery] = (await deliveriesOf(sub.id)).filter((d) => JSON.parse(d.body).data.subject.id === applicationId);
    expect(delivery).toMatchObject({ type: "application.submitted", status: "PENDING" });
    await setSubscriptionActive(admin, { subscriptionId: sub.id, version: 1, active: false }, testRequest);
  });

  it("connects to the address its own lookup checked, with the URL's name in Host and SNI, and re-checks it at delivery", async () => {
    // recepteur.test exists only in this resolver: the request can only reach the receiver through the pinned lookup.
    const names = resolverOf({ "recepteur.test": ["127.0.0.1"] });
    const sub = await subscribe(["enrolment.suspended"], { url: receiver.url("/pinned", "recepteur.test"), resolve: names });
    receiver.secrets = [sub.secret];
    const { enrolmentId } = await approvedEnrolment();
    await suspendEnrolment(ans, { enrolmentId, version: 1, reason: "Abus constaté." }, testRequest);
    await dispatchWebhooks();
    const [delivery] = await deliveriesOf(sub.id);
    const config: WebhookDeliveryConfig = { policy: loopback, resolve: names, ca: receiver.certPem, schedule: { firstDelayMs: 10, maxDelayMs: 10, windowMs: 1000 } };
    const arriving = receiver.next();
    expect(await deliverWebhook(delivery!.id, config)).toBe("delivered");
    const received = await arriving;
    expect(received.path).toBe("/pinned");
    expect(received.servername).toBe("recepteur.test");
    expect(received.headers.host).toBe(`recepteur.test:${receiver.port}`);
    expect(received.verifiedWith).toBe(0);
    expect(received.headers["webhook-id"]).toBe(webhookId(delivery!.id));
    expect(JSON.parse(received.body)).toMatchObject({ type: "enrolment.suspended", data: { subject: { type: "Enrolment", id: enrolmentId }, details: { from: "ACTIVE", to: "SUSPENDED" } } });
    expect(await deliverWebhook(delivery!.id, config)).toBe("skipped");

    // The name now resolves to a private address (DNS rebinding), or loopback is no longer allowed: nothing is sent.
    await reinstateEnrolment(ans, { enrolmentId, version: 2 }, testRequest);
    await suspendEnrolment(ans, { enrolmentId, version: 3, reason: "Encore." }, testRequest);
    await dispatchWebhooks();
    const later = (await deliveriesOf(sub.id)).filter((d) => d.status === "PENDING");
    expect(later).toHaveLength(1);
    const count = receiver.received.length;
    expect(await deliverWebhook(later[0]!.id, { ...config, resolve: resolverOf({ "recepteur.test": ["10.1.2.3"] }) })).toBe("retry");
    expect(await deliverWebhook(later[0]!.id, { ...config, policy: strict })).toBe("retry");
    expect(receiver.received.length).toBe(count);
    const tries = (await db().webhookAttempt.findMany({ where: { deliveryId: later[0]!.id }, orderBy: { number: "asc" } })).map((t) => t.error);
    expect(tries).toEqual([
      "Le nom recepteur.test désigne une adresse non publique. L'adresse 10.1.2.3 est une adresse privée : le portail n'envoie de webhooks qu'à des adresses publiques.",
      "Le nom recepteur.test désigne une adresse non publique. L'adresse 127.0.0.1 est une adresse de bouclage (loopback) : le portail n'envoie de webhooks qu'à des adresses publiques.",
    ]);
    await setSubscriptionActive(admin, { subscriptionId: sub.id, version: 1, active: false }, testRequest);
  });

  it("follows no redirect, reads a long answer only in part, and gives up on a receiver that hangs after the timeout", async () => {
    const sub = await subscribe(["enrolment.revoked"], { url: receiver.url("/answers") });
    receiver.secrets = [sub.secret];
    const config: WebhookDeliveryConfig = { policy: loopback, ca: receiver.certPem, timeoutMs: 400, schedule: { firstDelayMs: 10, maxDelayMs: 10, windowMs: 60_000 } };
    const { enrolmentId } = await approvedEnrolment();
    await revokeEnrolment(ans, { enrolmentId, version: 1, reason: "Fin du contrat." }, testRequest);
    await dispatchWebhooks();
    const [delivery] = await deliveriesOfType(sub.id, "enrolment.revoked");
    const before = receiver.received.length;
    receiver.scripts["/answers"] = [{ status: 302, headers: { location: receiver.url("/ailleurs") } }, "hang", { status: 200, body: "x".repeat(1024 * 1024) }];
    expect(await deliverWebhook(delivery!.id, config)).toBe("retry");
    const started = Date.now();
    expect(await deliverWebhook(delivery!.id, config)).toBe("retry");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await deliverWebhook(delivery!.id, config)).toBe("delivered");
    expect(receiver.received.slice(before).map((r) => r.path)).toEqual(["/answers", "/answers", "/answers"]);
    const tries = await db().webhookAttempt.findMany({ where: { deliveryId: delivery!.id }, orderBy: { number: "asc" } });
    expect(tries.map((t) => [t.number, t.statusCode, t.error])).toEqual([
      [1, 302, "Redirection HTTP 302 non suivie : donnez l'URL finale du récepteur."],
      [2, null, "Pas de réponse complète en 0,4 s : envoi interrompu."],
      [3, 200, null],
    ]);
    expect(tries[1]!.durationMs).toBeGreaterThanOrEqual(390);
    expect(tries[2]!.responseExcerpt).toHaveLength(1001);
    await setSubscriptionActive(admin, { subscriptionId: sub.id, version: 1, active: false }, testRequest);
  });
});

async function deliveriesOfType(subscriptionId: string, type: string) {
  return (await deliveriesOf(subscriptionId)).filter((d) => d.type === type);
}

describe("with the worker", () => {
  let worker: RunningWorker;
  let failing: WebhookReceiver;

  beforeAll(async () => {
    failing = await startWebhookReceiver();
    failing.fallback = 500;
    worker = await startWorker({
      databaseUrl: process.env.DATABASE_URL!,
      smtpUrl: null,
      schedules: false,
      pollInterval: 50,
      concurrency: 4,
      webhooks: { policy: loopback, ca: [receiver.certPem, failing.certPem], timeoutMs: 400, schedule: { firstDelayMs: 20, maxDelayMs: 80, windowMs: 20_000 } },
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await failing?.close();
  });

  it("delivers an approval and the whitelist's new revision and ETags, signed, with the API's own ETag", async () => {
    const sub = await subscribe(["application.approved", "whitelist.changed"]);
    receiver.secrets = [sub.secret];
    const { applicationId, enrolmentId } = await approvedEnrolment();
    const rows = await waitFor(async () => {
      const all = await deliveriesOf(sub.id);
      return all.length === 2 && all.every((d) => d.status === "DELIVERED") ? all : null;
    }, 20_000, "les deux envois");
    expect(rows.map((r) => r.type).sort()).toEqual(["application.approved", "whitelist.changed"]);
    const received = receiver.received.filter((r) => rows.some((row) => r.headers["webhook-id"] === webhookId(row.id)));
    expect(received).toHaveLength(2);
    for (const r of received) expect(r.verifiedWith).toBe(0);
    const bodies = received.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    const approved = bodies.find((b) => b.type === "application.approved")!;
    expect(approved.data).toMatchObject({ subject: { type: "Application", id: applicationId }, details: { enrolmentId, profile: "2" } });
    const changed = bodies.find((b) => b.type === "whitelist.changed")! as unknown as { data: { revision: string; etags: { all: { json: string } }; entries: { all: number } } };
    const { token } = await createApiToken(admin, { name: "Passerelle" }, testRequest);
    const api = await whitelistApiResponse(new Request("http://portail.test/api/v1/whitelist", { headers: { authorization: `Bearer ${token}` } }), { callsPerMinute: 1000 });
    const revision = (await db().whitelistRevision.findUniqueOrThrow({ where: { id: 1 } })).revision.toString();
    expect(changed.data.revision).toBe(revision);
    expect(changed.data.etags.all.json).toBe(api.headers.get("etag"));
    expect(changed.data.entries.all).toBeGreaterThanOrEqual(1);
    expect(rows[0]!.tries).toHaveLength(1);
    expect(rows[0]!.tries[0]).toMatchObject({ number: 1, statusCode: 200, error: null });
    await setSubscriptionActive(admin, { subscriptionId: sub.id, version: 1, active: false }, testRequest);
  });

  it("tries again after a 500 and after a receiver that hangs, with the same webhook-id, until it answers 200", async () => {
    const sub = await subscribe(["enrolment.suspended"], { url: receiver.url("/retries") });
    receiver.secrets = [sub.secret];
    receiver.scripts["/retries"] = [500, "hang"];
    const { enrolmentId } = await approvedEnrolment();
    await suspendEnrolment(ans, { enrolmentId, version: 1, reason: "Maintenance." }, testRequest);
    const [delivery] = await waitFor(async () => {
      const all = await deliveriesOf(sub.id);
      return all[0]?.status === "DELIVERED" ? all : null;
    }, 20_000, "la remise après deux échecs");
    expect(delivery!.attempts).toBe(3);
    expect(delivery!.tries.map((t) => [t.statusCode, t.error])).toEqual([
      [500, "Réponse HTTP 500 du récepteur."],
      [null, "Pas de réponse complète en 0,4 s : envoi interrompu."],
      [200, null],
    ]);
    const received = receiver.received.filter((r) => r.headers["webhook-id"] === webhookId(delivery!.id));
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(received.every((r) => r.verifiedWith === 0)).toBe(true);
    expect((await db().webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } })).consecutiveFailures).toBe(0);

    // Replayed by an administrator: the same id and body, a new signature, the replay in the log.
    const log = await listDeliveries(admin, sub.id);
    expect(log.deliveries[0]).toMatchObject({ id: delivery!.id, status: "DELIVERED", attempts: 3, lastStatusCode: 200 });
    expect(log.deliveries[0]!.about).toMatch(/^Orientation Plus — /);
    await replayDelivery(admin, { subscriptionId: sub.id, deliveryId: delivery!.id }, testRequest);
    const replayed = await waitFor(async () => {
      const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id }, include: { tries: { orderBy: { number: "asc" } } } });
      return row.status === "DELIVERED" && row.attempts === 4 ? row : null;
    }, 20_000, "le renvoi");
    expect(replayed.tries[3]).toMatchObject({ number: 4, statusCode: 200, replayedById: admin.userId });
    const again = receiver.received.filter((r) => r.headers["webhook-id"] === webhookId(delivery!.id));
    expect(again).toHaveLength(4);
    expect(again[3]!.body).toBe(again[0]!.body);
    const event = await db().event.findFirstOrThrow({ where: { name: "webhook.delivery_replayed", subjectId: delivery!.id } });
    expect(event.payload).toEqual({ subscriptionId: sub.id, type: "enrolment.suspended", previousStatus: "DELIVERED", attempts: 3 });

    // Another subscription's delivery: not found, whatever its id; a disabled subscription replays nothing.
    const other = await subscribe(["enrolment.revoked"]);
    const notFound = await rejection(replayDelivery(admin, { subscriptionId: other.id, deliveryId: delivery!.id }, testRequest));
    expect([notFound.code, notFound.message]).toEqual(["NOT_FOUND", DELIVERY_NOT_FOUND]);
    expect((await rejection(replayDelivery(admin, { subscriptionId: sub.id, deliveryId: "pas-un-id" }, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(replayDelivery(ans, { subscriptionId: sub.id, deliveryId: delivery!.id }, testRequest))).code).toBe("FORBIDDEN");
    await setSubscriptionActive(admin, { subscriptionId: sub.id, version: 1, active: false }, testRequest);
    const disabled = await rejection(replayDelivery(admin, { subscriptionId: sub.id, deliveryId: delivery!.id }, testRequest));
    expect([disabled.code, disabled.message]).toEqual(["CONFLICT", REPLAY_NEEDS_ACTIVE]);
    await setSubscriptionActive(admin, { subscriptionId: other.id, version: 1, active: false }, testRequest);
  });

  it("signs with both secrets during a rotation's overlap, with the new one alone once it ends", async () => {
    const sub = await subscribe(["enrolment.suspended", "enrolment.reinstated"]);
    const { secret: fresh } = await rotateSecret(admin, sub.id, { overlapHours: 24, version: 1 }, testRequest);
    receiver.secrets = [sub.secret, fresh];
    const { enrolmentId } = await approvedEnrolment();
    await suspendEnrolment(ans, { enrolmentId, version: 1, reason: "Contrôle." }, testRequest);
    const first = await waitFor(async () => (await deliveriesOf(sub.id)).find((d) => d.status === "DELIVERED"), 20_000, "l'envoi pendant le recouvrement");
    const during = receiver.received.find((r) => r.headers["webhook-id"] === webhookId(first.id))!;
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    // Each secret alone verifies it.
    const { Webhook } = await import("standardwebhooks");
    expect(() => new Webhook(sub.secret).verify(during.body, during.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(fresh).verify(during.body, during.headers as Record<string, string>)).not.toThrow();

    const rotated = await rotateSecret(admin, sub.id, { overlapHours: 0, secret: "un-secret-choisi-par-la-passerelle-0123456789", version: 2 }, testRequest);
    receiver.secrets = [fresh, rotated.secret];
    await reinstateEnrolment(ans, { enrolmentId, version: 2 }, testRequest);
    const second = await waitFor(async () => (await deliveriesOf(sub.id)).find((d) => d.type === "enrolment.reinstated" && d.status === "DELIVERED"), 20_000, "l'envoi après la rotation");
    const after = receiver.received.find((r) => r.headers["webhook-id"] === webhookId(second.id))!;
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(after.verifiedWith).toBe(1);
    const events = await db().event.findMany({ where: { name: "webhook.secret_rotated", subjectId: sub.id }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => (e.payload as { overlapHours: number; provided: boolean })).map((p) => [p.overlapHours, p.provided])).toEqual([
      [24, false],
      [0, true],
    ]);
    await setSubscriptionActive(admin, { subscriptionId: sub.id, version: 3, active: false }, testRequest);
  });

  it("disables a subscription after 50 failed tries in a row, mails every administrator, and abandons what was pending", async () => {
    const sub = await subscribe(["enrolment.suspended", "enrolment.reinstated"], { url: failing.url(), name: "Récepteur en panne" });
    const { enrolmentId } = await approvedEnrolment();
    await suspendEnrolment(ans, { enrolmentId, version: 1, reason: "Essai." }, testRequest);
    await reinstateEnrolment(ans, { enrolmentId, version: 2 }, testRequest);
    const disabled = await waitFor(async () => {
      const row = await db().webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } });
      return row.status === "DISABLED" ? row : null;
    }, 40_000, "la désactivation");
    // Two deliveries fail side by side: the try that counts the 50th failure disables it (one more may be on its way).
    expect(disabled.disabledReason).toBe("failures");
    expect(disabled.consecutiveFailures).toBeGreaterThanOrEqual(50);
    const deliveries = await waitFor(async () => {
      const all = await deliveriesOf(sub.id);
      return all.every((d) => d.status === "FAILED") ? all : null;
    }, 20_000, "l'abandon des envois");
    const tries = deliveries.reduce((sum, d) => sum + d.tries.length, 0);
    expect(tries).toBe((await db().webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } })).consecutiveFailures);
    expect(tries).toBeLessThanOrEqual(51);
    expect(failing.received.length).toBe(tries);
    const event = await db().event.findFirstOrThrow({ where: { name: "webhook.subscription_disabled", subjectId: sub.id } });
    expect(event).toMatchObject({ actorType: "SYSTEM", actorJob: "webhooks", payload: { reason: "failures", consecutiveFailures: 50 } });
    for (const person of [admin, secondAdmin]) {
      const mail = (await outboxTo(person.email)).filter((m) => m.kind === "webhook.subscription_disabled");
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe("Webhooks désactivés : Récepteur en panne");
      expect(mail[0]!.text).toContain(`/administration/webhooks/${sub.id}`);
    }
    expect((await outboxTo(ans.email)).filter((m) => m.kind === "webhook.subscription_disabled")).toHaveLength(0);

    // Re-enabled by an administrator: the count starts again from zero.
    await setSubscriptionActive(admin, { subscriptionId: sub.id, version: disabled.version, active: true }, testRequest);
    expect(await db().webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ status: "ACTIVE", consecutiveFailures: 0, disabledReason: null });
    await setSubscriptionActive(admin, { subscriptionId: sub.id, version: disabled.version + 1, active: false }, testRequest);
  });
});

describe("the delivery log's retention", () => {
  it("keeps deliveries as long as the API's call log, and never a pending one", async () => {
    const { runHousekeeping } = await import("../jobs/housekeeping.server");
    const counts = async () => ({
      pending: await db().webhookDelivery.count({ where: { status: "PENDING" } }),
      done: await db().webhookDelivery.count({ where: { status: { not: "PENDING" } } }),
      tries: await db().webhookAttempt.count(),
    });
    const before = await counts();
    expect(before.done).toBeGreaterThan(0);
    expect((await runHousekeeping(new Date(), { apiCallRetentionDays: 90, personalDataRetentionDays: 365 })).webhookDeliveries).toBe(0);
    const later = await runHousekeeping(new Date(Date.now() + 91 * 24 * 3600_000), { apiCallRetentionDays: 90, personalDataRetentionDays: 365 });
    expect(later.webhookDeliveries).toBe(before.done);
    const after = await counts();
    expect(after).toMatchObject({ pending: before.pending, done: 0 });
    expect(after.tries).toBeLessThan(before.tries);
  });
});
