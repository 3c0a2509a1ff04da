import { describe, expect, it } from "vitest";
import { applicationForEditor, applicationForReview } from "../applications/application-view.server";
import { createDraft } from "../applications/create-draft.server";
import { postMessage } from "../applications/post-message.server";
import { serviceApplications } from "../applications/service-applications.server";
import { submitApplication } from "../applications/submit.server";
import { completeService, profileByCode, reviewer, testRequest } from "../testing/application-fixtures.server";
import { db } from "../db.server";
import { newOrganization, rejection } from "../testing/organization-fixtures.server";
import { approveApplication } from "./approve.server";
import { parseQueueQuery } from "./queue-query";
import { reviewerQueue } from "./queue.server";
import { requestChanges } from "./request-changes.server";

const day = 24 * 60 * 60 * 1000;

async function submitted(legalName: string, submittedDaysAgo: number, profileCode = "0") {
  const editor = await completeService({ legalName, profileCode });
  const now = new Date(Date.now() - submittedDaysAgo * day);
  const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest, new Date(now.getTime() - 60_000));
  const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest, now);
  return { editor, applicationId, version };
}

describe("the reviewer queue", () => {
  it("filters, searches, sorts and pages on the server, with counts per status, drafts never listed", async () => {
    const ans = await reviewer();
    const old = await submitted("Alpha Santé SAS", 40);
    const middle = await submitted("Bêta Médical", 10, "2");
    const recent = await submitted("Gamma Soins", 1);
    const sentBack = await submitted("Delta Numérique", 3);
    await requestChanges(ans, { applicationId: sentBack.applicationId, version: sentBack.version, message: "À compléter." }, testRequest);
    const draft = await completeService({ legalName: "Epsilon Brouillon" });
    await createDraft(draft.actor, { serviceId: draft.serviceId }, testRequest);

    const queue = await reviewerQueue(ans, parseQueueQuery({}));
    expect(queue.rows.map((r) => r.organizationName)).toEqual(["Alpha Santé SAS", "Bêta Médical", "Gamma Soins"]);
    expect(queue.rows[0]).toMatchObject({ statusLabel: "Déposé, en attente d'instruction", kindLabel: "Première demande", waitingLabel: "en attente depuis 40 jours" });
    expect(queue.counts).toEqual({ "a-instruire": 3, "modifications-demandees": 1, approuves: 0, refuses: 0, retires: 0, tous: 4 });
    expect(queue).toMatchObject({ total: 3, pageCount: 1 });

    const names = async (params: Record<string, string>) => (await reviewerQueue(ans, parseQueueQuery(params))).rows.map((r) => r.organizationName);
    expect(await names({ tri: "recents" })).toEqual(["Gamma Soins", "Bêta Médical", "Alpha Santé SAS"]);
    expect(await names({ statut: "tous", tri: "organisation" })).toEqual(["Alpha Santé SAS", "Bêta Médical", "Delta Numérique", "Gamma Soins"]);
    expect(await names({ statut: "modifications-demandees" })).toEqual(["Delta Numérique"]);
    expect(await names({ profil: "2" })).toEqual(["Bêta Médical"]);
    expect(await names({ attente: "plus-de-30-jours" })).toEqual(["Alpha Santé SAS"]);
    expect(await names({ attente: "7-a-30-jours" })).toEqual(["Bêta Médical"]);
    expect(await names({ attente: "moins-de-7-jours" })).toEqual(["Gamma Soins"]);
    expect(await names({ type: "modification" })).toEqual([]);
    // Search: accents and case ignored; by SIRET; by service name.
    expect(await names({ q: "BETA medical" })).toEqual(["Bêta Médical"]);
    const siret = (await db().organization.findUniqueOrThrow({ where: { id: middle.editor.organizationId } })).siret;
    expect(await names({ q: siret })).toEqual(["Bêta Médical"]);
    expect(await names({ q: "orientation plus", statut: "tous" })).toHaveLength(4);
    expect(await names({ q: "epsilon", statut: "tous" })).toEqual([]);
    // A page past the end is empty, never an error.
    expect(await names({ page: "9" })).toEqual([]);
    void old;
    void recent;
  });

  it("keeps its counts per status exact through every change, deletions included", async () => {
    const ans = await reviewer();
    const a = await submitted("Compte Un", 1);
    const b = await submitted("Compte Deux", 1);
    const c = await submitted("Compte Trois", 1);
    await approveApplication(ans, { applicationId: a.applicationId, version: a.version, accessProfileId: (await profileByCode("0")).id }, testRequest);
    await requestChanges(ans, { applicationId: b.applicationId, version: b.version, message: "À revoir." }, testRequest);
    await db().service.delete({ where: { id: c.editor.serviceId } }); // cascades to its application
    const actual = await db().application.groupBy({ by: ["status"], _count: { _all: true } });
    const kept = await db().applicationStatusCount.findMany();
    for (const row of kept) expect(row.count).toBe(actual.find((g) => g.status === row.status)?._count._all ?? 0);
    expect(kept.find((r) => r.status === "APPROVED")!.count).toBeGreaterThanOrEqual(1);
  });

  it("is for reviewers only", async () => {
    const editor = await newOrganization();
    expect((await rejection(reviewerQueue(editor.actor, parseQueueQuery({})))).code).toBe("FORBIDDEN");
  });
});

describe("the application pages", () => {
  it("show each side the dossier, its diff, timeline, thread, enrolment and the actions allowed now", async () => {
    const ans = await reviewer();
    const { editor, applicationId, version } = await submitted("Zêta Santé", 2);
    await postMessage(editor.actor, { applicationId, side: "editor", body: "Bonjour, une question." }, testRequest);

    const review = await applicationForReview(ans, applicationId);
    expect(review.application).toMatchObject({ status: "SUBMITTED", version, waitingLabel: "en attente depuis 2 jours", organizationName: "Zêta Santé" });
    expect(review.snapshot?.service.name).toBe("Orientation Plus");
    expect(review.latestChanges).toEqual({ number: 1, changes: null });
    expect(review.actions).toEqual(["requestChanges", "approve", "refuse"]);
    expect(review.timeline.map((e) => e.label)).toEqual(["Dossier créé", "Dossier déposé", "Message"]);
    expect(review.messages).toEqual([expect.objectContaining({ side: "EDITOR", body: "Bonjour, une question." })]);
    expect(review.profiles.map((p) => p.code)).toEqual(["0", "1", "2", "3", "4"]);
    expect(review.profiles[2]!.quotas).toEqual({ authenticatedPerSecond: 10, publicPerSecond: 5 });

    const mine = await applicationForEditor(editor.actor, applicationId);
    expect(mine.actions).toEqual(["withdraw"]);
    expect(mine.checklist?.complete).toBe(true);

    const { enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: (await profileByCode("0")).id }, testRequest);
    const after = await applicationForReview(ans, applicationId);
    expect(after.enrolment).toMatchObject({ id: enrolmentId, statusLabel: "En vigueur", actions: ["suspend", "revoke"], grant: expect.objectContaining({ accessProfile: expect.objectContaining({ code: "0" }) }) });
    expect((await applicationForEditor(editor.actor, applicationId)).enrolment?.actions).toEqual([]);

    const summary = await serviceApplications(editor.actor, editor.serviceId);
    expect(summary).toMatchObject({ openApplication: null, enrolmentInForce: { id: enrolmentId, statusLabel: "En vigueur" }, may: { createDraft: false, openAmendment: true } });
    expect(summary.history.map((a) => a.statusLabel)).toEqual(["Approuvé"]);
  });

  it("hide drafts from reviewers and other organisations' dossiers from editors", async () => {
    const ans = await reviewer();
    const draft = await completeService();
    const { applicationId } = await createDraft(draft.actor, { serviceId: draft.serviceId }, testRequest);
    expect((await rejection(applicationForReview(ans, applicationId))).code).toBe("NOT_FOUND");
    const stranger = await newOrganization();
    expect((await rejection(applicationForEditor(stranger.actor, applicationId))).code).toBe("NOT_FOUND");
    expect((await rejection(applicationForReview(draft.actor, applicationId))).code).toBe("FORBIDDEN");
    expect((await rejection(applicationForEditor(ans, "pas-un-id"))).code).toBe("NOT_FOUND");
  });
});
