import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db.server";
import { verifyEventChain } from "../../lib/events/verify.server";
import { parseQueueQuery } from "../../lib/review/queue-query";
import { reviewerQueue } from "../../lib/review/queue.server";
import { seedDemoData } from "./seed-demo";
import { reviewer } from "../../lib/testing/application-fixtures.server";
import { DEMO_SERVICE_NAME, seedDemoApplication } from "./demo-application";
import { seedDemoVerification } from "./demo-verification";
import { organizationsAwaitingVerification } from "../../lib/organizations/review.server";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("seedDemoApplication", () => {
  it("does nothing without the demo organisation", async () => {
    expect(await seedDemoApplication(db())).toBe(false);
    expect(await db().application.count()).toBe(0);
  });

  it("submits one dossier of the demo organisation through the use cases, once, and it is in the reviewer queue", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "demo-ca-"));
    dirs.push(dir);
    await seedDemoData(db(), { testAuthorityDir: dir });
    // Issue 22: the demo organisation is verified from a generated extract; a second one waits in the reviewers' tab.
    expect(await seedDemoVerification(db())).toBe(true);
    expect(await seedDemoVerification(db())).toBe(false);
    expect(await db().organization.findUniqueOrThrow({ where: { siret: "90123456700013" }, include: { evidence: { include: { file: true } } } })).toMatchObject({
      status: "VERIFIED",
      evidence: [expect.objectContaining({ kind: "REGISTER_EXTRACT", file: expect.objectContaining({ mediaType: "application/pdf" }) })],
    });
    expect((await organizationsAwaitingVerification(await reviewer())).rows.map((r) => [r.legalName, r.evidenceCount])).toEqual([["Logiciels Soins Démo SARL", 1]]);
    expect(await seedDemoApplication(db())).toBe(true);
    expect(await seedDemoApplication(db())).toBe(false);

    const applications = await db().application.findMany({ include: { submissions: true } });
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({ status: "SUBMITTED", kind: "NEW", serviceName: DEMO_SERVICE_NAME, organizationName: "Santé Numérique Démo SAS", requestedProfileCode: "0" });
    expect(applications[0]!.submissions).toHaveLength(1);
    const events = await db().event.findMany({ where: { subjectId: applications[0]!.id }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.name)).toEqual(["application.created", "application.submitted"]);
    expect(await db().event.count({ where: { name: { in: ["application.created", "application.submitted"] } } })).toBe(2);
    // The reviewers are told, like for any submission.
    expect(await db().outboxMessage.count({ where: { to: "instructeur@ans-demo.fr" } })).toBe(1);

    const queue = await reviewerQueue(await reviewer(), parseQueueQuery({}));
    expect(queue.rows.map((r) => r.serviceName)).toEqual([DEMO_SERVICE_NAME]);
    // The demo data's events are chained like any others.
    expect(await verifyEventChain()).toMatchObject({ ok: true });
  });
});
