import { describe, expect, it } from "vitest";
import { createDraft } from "../applications/create-draft.server";
import { submitApplication } from "../applications/submit.server";
import { completeService, profileByCode, reviewer, testRequest } from "../testing/application-fixtures.server";
import { rejection } from "../testing/organization-fixtures.server";
import { db } from "../db.server";
import { approveApplication } from "../review/approve.server";
import { refuseApplication } from "../review/refuse.server";
import { requestChanges } from "../review/request-changes.server";
import { revokeEnrolment } from "../enrolments/revoke.server";
import { randomUUID } from "node:crypto";
import { addMonths, parisMonth } from "./calendar";
import { defaultPeriod, periodOf } from "./period";
import { durationRowsOf, durationSummary } from "./report";
import { refreshStatistics } from "./refresh.server";
import { publicStatistics, statisticsReport } from "./statistics.server";

// The statistics over the real use cases: each act writes its event, the refresh folds the log in (in any number
// of batches, by several callers at once), and the report reads what the acts did.


async function dossier(submittedAt: Date) {
  const editor = await completeService();
  const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest, submittedAt);
  const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest, submittedAt);
  return { editor, applicationId, version };
}

async function tables() {
  const [days, dossiers, enrolments, certificates] = await Promise.all([
    db().statisticsDay.findMany({ orderBy: { day: "asc" } }),
    db().statisticsDossier.findMany({ orderBy: { applicationId: "asc" } }),
    db().statisticsEnrolment.findMany({ orderBy: { enrolmentId: "asc" } }),
    db().statisticsCertificate.findMany({ orderBy: { enrolmentId: "asc" } }),
  ]);
  return { days, dossiers, enrolments, certificates };
}

describe("statistics from the event log", () => {
  it("count what the use cases did, the same whether folded at once or event by event, by callers at once", async () => {
    const ans = await reviewer();
    const now = new Date();
    // The events' time is the transaction's: the acts happen now, so the durations are measured in milliseconds here;
    // the hand-built sequences of fold.test.ts cover days and months.
    const a = await dossier(now);
    const { version: va } = await requestChanges(ans, { applicationId: a.applicationId, version: a.version, message: "Précisez." }, testRequest);
    const { version: va2 } = await submitApplication(a.editor.actor, { applicationId: a.applicationId, version: va }, testRequest);
    const approved = await approveApplication(ans, { applicationId: a.applicationId, version: va2, accessProfileId: (await profileByCode("0")).id }, testRequest);
    const b = await dossier(now);
    await refuseApplication(ans, { applicationId: b.applicationId, version: b.version, reason: "Hors périmètre." }, testRequest);
    const c = await dossier(now);
    const profile2 = await profileByCode("2");
    const d = await (async () => {
      const editor = await completeService({ profileCode: "2" });
      const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
      const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
      return approveApplication(ans, { applicationId, version, accessProfileId: profile2.id }, testRequest);
    })();
    await revokeEnrolment(ans, { enrolmentId: approved.enrolmentId, version: 1, reason: "Usage détourné." }, testRequest);

    // Event by event, two callers at once: the advisory lock lets one work at a time, the other finds it busy.
    const [first, second] = await Promise.all([refreshStatistics({ batchSize: 1 }), refreshStatistics({ batchSize: 1 })]);
    expect([first.busy, second.busy].filter(Boolean).length).toBeLessThanOrEqual(1);
    await refreshStatistics({ batchSize: 1 });
    const stepwise = await tables();
    expect(await refreshStatistics()).toEqual({ events: 0, upToDate: true, busy: false });

    // From nothing, all at once: the same rows.
    await db().$executeRaw`TRUNCATE "StatisticsDay", "StatisticsDossier", "StatisticsEnrolment", "StatisticsCertificate"`;
    await db().statisticsCursor.update({ where: { id: 1 }, data: { sequence: 0 } });
    const all = await refreshStatistics();
    expect(all.upToDate).toBe(true);
    expect(await tables()).toEqual(stepwise);

    const month = parisMonth(now);
    const report = await statisticsReport(ans, defaultPeriod(now), now);
    const flow = report.datasets.find((x) => x.id === "depots-et-decisions")!.rows.find((r) => r[0] === month)!;
    expect(flow).toEqual([month, 4, 2, 1]);
    expect(report.durations.count).toBe(3);
    const backlog = report.datasets.find((x) => x.id === "dossiers-en-attente")!.rows.at(-1);
    expect(backlog).toEqual([month, 1, 0]); // c waits for ANS
    const inForce = report.datasets.find((x) => x.id === "habilitations-par-profil")!.rows;
    expect(inForce).toEqual([[expect.stringMatching(/^Profil 2 — /), 1]]); // a's enrolment was revoked
    const stored = await db().statisticsDossier.findUniqueOrThrow({ where: { applicationId: a.applicationId } });
    expect(stored).toMatchObject({ phase: "CLOSED", outcome: "APPROVED" });
    expect(await db().statisticsDossier.findUniqueOrThrow({ where: { applicationId: c.applicationId } })).toMatchObject({ phase: "ANS" });
    expect(await db().statisticsEnrolment.findUniqueOrThrow({ where: { enrolmentId: d.enrolmentId } })).toMatchObject({ profileCode: "2", endedAt: null });
    // Profile 2 needs a certificate: it is counted among those due in the coming months (the fixtures' last a year or more).
    expect(await db().statisticsCertificate.count({ where: { enrolmentId: d.enrolmentId } })).toBe(1);

    const open = await publicStatistics(now);
    expect(open.total).toBe(1);
    expect(open.decisions).toBe(3);
    expect(open.inForce.find((p) => p.profileCode === "2")!.count).toBe(1);
    expect(JSON.stringify(open)).not.toMatch(/Éditeur Test|Orientation Plus/);
  });

  it("compute the percentiles in the database exactly as the reference definition does", async () => {
    const ans = await reviewer();
    const now = new Date();
    const rows = Array.from({ length: 37 }, (_, i) => ({
      applicationId: randomUUID(),
      phase: "CLOSED",
      firstSubmittedAt: new Date(now.getTime() - 90 * 86_400_000),
      ansSeconds: (i * 7919) % 2_000_000,
      editorSeconds: (i * 104_729) % 900_000,
      decidedAt: new Date(now.getTime() - ((i * 3) % 40) * 86_400_000),
      outcome: i % 4 === 0 ? "REFUSED" : "APPROVED",
    }));
    await db().statisticsDossier.createMany({ data: rows });
    const period = periodOf(addMonths(parisMonth(now), -2), parisMonth(now));
    const report = await statisticsReport(ans, period, now);
    const decided = await db().statisticsDossier.findMany({ where: { decidedAt: { gte: period.start, lt: period.end }, outcome: { in: ["APPROVED", "REFUSED"] }, firstSubmittedAt: { not: null } } });
    const reference = durationRowsOf(decided.map((d) => ({ decidedAt: d.decidedAt!, ansSeconds: d.ansSeconds, editorSeconds: d.editorSeconds })));
    expect(report.durations).toEqual(durationSummary(reference.at(-1)));
    expect(report.durations.count).toBeGreaterThanOrEqual(37);
    const monthly = report.datasets.find((x) => x.id === "delais-de-decision")!.rows;
    for (const month of reference.filter((r) => r.month !== null)) {
      const summary = durationSummary(month);
      expect(monthly.find((r) => r[0] === month.month)).toEqual([month.month, summary.count, summary.total.median, summary.total.p90, summary.ans.median, summary.editor.median]);
    }
  });

  it("are for ANS staff: an editor is refused", async () => {
    const editor = await completeService();
    expect(await rejection(statisticsReport(editor.actor, defaultPeriod(new Date())))).toMatchObject({
      code: "FORBIDDEN",
      message: "Les statistiques détaillées sont réservées aux instructeurs et aux administrateurs de l'ANS.",
    });
  });
});
