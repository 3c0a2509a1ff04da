import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createOrganization, createPerson } from "../testing/catalogue-fixtures.server";
import { db } from "../db.server";
import { systemActor, userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { verifyEventChain } from "../events/verify.server";
import { projectRoot } from "./database-tools";
import type { JobHelpers } from "graphile-worker";
import { runHousekeeping } from "../jobs/housekeeping.server";
import { TASKS } from "../jobs/schedules";
import { taskList } from "./worker.server";

const DAY = 24 * 3600_000;
const now = new Date("2027-06-01T01:30:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe("daily housekeeping", () => {
  it("removes what outlived its use or its retention, records what went, and leaves the event chain whole", async () => {
    const admin = await createPerson(["ANS_ADMIN"], "Ada Ministre");
    const org = await createOrganization("Nettoyage SAS");
    const token = await db().apiToken.create({ data: { name: "Passerelle", tokenHash: randomBytes(32).toString("hex"), prefix: "ror_x", createdById: admin.userId } });
    await db().apiCall.createMany({
      data: [ago(91), ago(120), ago(89), ago(1)].map((at) => ({ tokenId: token.id, at, method: "GET", path: "/api/v1/whitelist", status: 200, ip: "192.0.2.1", durationMs: 3 })),
    });
    await db().signInAttempt.createMany({ data: [ago(2), ago(0.5)].map((attemptedAt) => ({ emailKey: "a@exemple.fr", ip: "192.0.2.2", outcome: "FAILED" as const, attemptedAt })) });
    await db().apiRateWindow.createMany({ data: [{ tokenId: token.id, windowStart: new Date(now.getTime() - 2 * 3600_000), count: 4 }, { tokenId: token.id, windowStart: new Date(now.getTime() - 60_000), count: 1 }] });
    await db().anonymousRequestWindow.createMany({
      data: [ago(2), ago(0.5)].map((windowStart) => ({ scope: "verification", address: "192.0.2.9", windowStart, count: 3 })),
    });
    const invitation = (expiresAt: Date, acceptedAt: Date | null = null) => ({
      organizationId: org.organizationId,
      email: `${randomUUID()}@exemple.fr`,
      tokenHash: randomBytes(32).toString("hex"),
      invitedById: org.legalRepresentative.userId,
      expiresAt,
      acceptedAt,
    });
    await db().invitation.createMany({ data: [invitation(ago(31)), invitation(ago(29)), invitation(ago(60), ago(65))] });
    const link = (expiresAt: Date) => ({ userId: admin.userId, purpose: "RESET_PASSWORD" as const, email: admin.email, tokenHash: randomBytes(32).toString("hex"), createdAt: expiresAt, expiresAt });
    await db().accountLink.createMany({ data: [link(ago(31)), link(ago(29))] });
    await db().accountRequest.createMany({ data: [ago(2), ago(0.5)].map((requestedAt) => ({ kind: "SIGN_UP" as const, ip: "192.0.2.5", requestedAt })) });
    // ProConnect sign-ins under way: one expired a minute ago (its claims go), one still running.
    const attempt = (expiresAt: Date) => ({ state: randomUUID(), nonce: randomUUID(), codeVerifier: "v", createdAt: ago(1), expiresAt, claims: { email: "pc@exemple.fr" } });
    const [expiredAttempt, runningAttempt] = [attempt(new Date(now.getTime() - 60_000)), attempt(new Date(now.getTime() + 600_000))];
    await db().proConnectAttempt.createMany({ data: [expiredAttempt, runningAttempt] });
    // Events with personal data: a year and a day old, and recent.
    const oldEvent = await db().$transaction((tx) =>
      recordEvent(tx, { name: "user.sign_in_failed", actor: systemActor("test"), subjectId: admin.userId, payload: {}, personal: { email: "ancien@exemple.fr" }, request: { ip: "192.0.2.3", userAgent: "vieux navigateur" }, at: ago(366) }),
    );
    const recentEvent = await db().$transaction((tx) =>
      recordEvent(tx, { name: "user.signed_in", actor: userActor(admin.userId), subjectId: admin.userId, payload: {}, request: { ip: "192.0.2.4", userAgent: "récent" }, at: ago(10) }),
    );
    const eventsBefore = await db().event.count();

    const result = await runHousekeeping(now, { apiCallRetentionDays: 90, personalDataRetentionDays: 365 });
    expect(result).toMatchObject({ apiCalls: 2, signInAttempts: 1, rateWindows: 2, expiredInvitations: 1, personalData: 1, accountLinks: 1, accountRequests: 1, proConnectAttempts: 1 });
    expect(await db().proConnectAttempt.findMany({ where: { state: { in: [expiredAttempt.state, runningAttempt.state] } }, select: { state: true } })).toEqual([{ state: runningAttempt.state }]);
    expect(await db().anonymousRequestWindow.count()).toBe(1);
    expect(await db().accountLink.count({ where: { userId: admin.userId } })).toBe(1);
    expect(await db().accountRequest.count({ where: { ip: "192.0.2.5" } })).toBe(1);
    expect(await db().apiCall.count()).toBe(2);
    expect(await db().signInAttempt.count()).toBe(1);
    expect(await db().apiRateWindow.count()).toBe(1);
    expect(await db().invitation.count({ where: { organizationId: org.organizationId } })).toBe(2);
    expect(await db().eventPersonalData.findUnique({ where: { eventId: oldEvent } })).toBeNull();
    expect(await db().eventPersonalData.findUnique({ where: { eventId: recentEvent } })).toMatchObject({ ip: "192.0.2.4" });
    // The events themselves stay, and the run is one more.
    expect(await db().event.count({ where: { id: oldEvent } })).toBe(1);
    expect(await db().event.count()).toBe(eventsBefore + 1);
    const event = await db().event.findFirstOrThrow({ where: { name: "housekeeping.completed" }, orderBy: { sequence: "desc" } });
    expect(event.payload).toMatchObject({ apiCalls: 2, personalData: 1, apiCallsBefore: ago(90).toISOString(), personalDataBefore: ago(365).toISOString() });
    expect(event).toMatchObject({ actorType: "SYSTEM", actorJob: "housekeeping" });

    // A second run finds nothing more, and says so.
    expect(await runHousekeeping(now, { apiCallRetentionDays: 90, personalDataRetentionDays: 365 })).toEqual({
      apiCalls: 0,
      signInAttempts: 0,
      rateWindows: 0,
      expiredInvitations: 0,
      expiredSigningLinks: 0,
      personalData: 0,
      deliveredMail: 0,
      webhookDeliveries: 0,
      accountLinks: 0,
      accountRequests: 0,
      proConnectAttempts: 0,
      expiredCopyLinks: 0,
    });

    expect(await verifyEventChain()).toMatchObject({ ok: true });
    const audit = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { cwd: projectRoot, env: process.env, encoding: "utf8" });
    expect(audit.stderr).toBe("");
    expect(audit.status).toBe(0);
    expect(audit.stdout).toMatch(/Journal des événements intègre : \d+ événement\(s\) vérifié\(s\)/);
  });

  it("runs from the schedule only at 03:30 in Paris: the other UTC hour's occurrence does nothing", async () => {
    const task = taskList({ transport: null, from: "x@y.fr", schedule: { firstDelayMs: 1, maxDelayMs: 1, windowMs: 1 } })[TASKS.housekeeping]!;
    const runs = () => db().event.count({ where: { name: "housekeeping.completed" } });
    const before = await runs();
    // Summer time (UTC+2): 02:30 UTC is 04:30 in Paris, 01:30 UTC is 03:30.
    await task({ _cron: { ts: "2026-07-14T02:30:00.000Z", backfilled: false } }, {} as JobHelpers);
    expect(await runs()).toBe(before);
    await task({ _cron: { ts: "2026-07-14T01:30:00.000Z", backfilled: false } }, {} as JobHelpers);
    expect(await runs()).toBe(before + 1);
  });
});
