import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { createPerson } from "../catalogue/test-fixtures.server";
import { db } from "../db.server";
import { newOrganization, rejection, testRequest } from "../organizations/test-fixtures.server";
import { createService, servicePage } from "../services/services.server";
import { EXAMPLE_TEST_PLANS } from "./example-test-plans";
import { JUNIT_REPORT_ERRORS, MAX_JUNIT_REPORT_BYTES } from "./junit-report";
import {
  platinesFileForDownload,
  platinesReviewOf,
  servicePlatinesPage,
  submitPlatinesSession,
  validatePlatinesSubmission,
  type UploadedFile,
} from "./submissions.server";
import { MAX_EVIDENCE_BYTES } from "./submission-rules";
import { createTestPlan, listTestPlans, seedExampleTestPlans, testPlanForm, updateTestPlan } from "./test-plans.server";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));
const upload = (name: string, content: Uint8Array | string): UploadedFile => {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.byteLength, read: async () => bytes };
};
const now = new Date("2026-03-10T10:00:00Z");

async function serviceWithProfile(code: string) {
  const organization = await newOrganization({ legalName: `Éditeur ${code}` });
  const profile = (await listActiveAccessProfiles()).find((p) => p.code === code)!;
  const { serviceId } = await createService(
    organization.actor,
    organization.organizationId,
    {
      name: `Service profil ${code}`,
      softwareName: "Logiciel",
      softwareVersion: "1.0",
      description: "Service.",
      purposes: ["ORIENTATION"],
      users: "Régulateurs.",
      requestedProfileId: profile.id,
      profileJustification: "Justification.",
      apis: ["FHIR"],
    },
    testRequest,
  );
  return { ...organization, serviceId };
}

async function examplePlans() {
  const plans = await db().platinesTestPlan.findMany({ where: { isExample: true }, include: { cases: true } });
  const bySeed = (key: string) => plans.find((p) => p.seedKey === key)!;
  return { searchRead: bySeed("example-fhir-search-read"), pagingErrors: bySeed("example-fhir-paging-errors") };
}

function fields(serviceId: string, planId: string, change: Record<string, unknown> = {}) {
  return { serviceId, planId, sessionType: "CERTIFICATION", sessionIdentifier: "SESSION-4821", ranOn: "2026-03-09", ...change };
}

async function counts() {
  const [submissions, files, evidence, events] = await Promise.all([
    db().platinesSubmission.count(),
    db().storedFile.count(),
    db().platinesEvidence.count(),
    db().event.count({ where: { name: "platines.submitted" } }),
  ]);
  return { submissions, files, evidence, events };
}

describe("PLATINES example plans", () => {
  it("are seeded once for the profiles that require a certificate, and seeding again changes nothing", async () => {
    const before = await db().platinesTestPlan.findMany({ where: { isExample: true }, include: { profiles: { select: { code: true } }, cases: true } });
    expect(before.map((p) => p.name).sort()).toEqual(EXAMPLE_TEST_PLANS.map((p) => p.name).sort());
    for (const plan of before) expect(plan.profiles.map((p) => p.code).sort()).toEqual(["1", "2", "3", "4"]);
    await db().platinesTestPlan.update({ where: { id: before[0]!.id }, data: { name: "Renommé par l'ANS" } });
    await seedExampleTestPlans(db());
    expect(await db().platinesTestPlan.count({ where: { isExample: true } })).toBe(2);
    expect((await db().platinesTestPlan.findUniqueOrThrow({ where: { id: before[0]!.id } })).name).toBe("Renommé par l'ANS");
    await db().platinesTestPlan.update({ where: { id: before[0]!.id }, data: { name: before[0]!.name } });
  });
});

describe("PLATINES submissions", () => {
  it("keeps every submission, the latest per plan counts, and the completeness item follows", async () => {
    const editor = await serviceWithProfile("1");
    const { searchRead, pagingErrors } = await examplePlans();
    const item = async () => (await servicePage(editor.actor, editor.serviceId, now)).completeness.find((i) => i.id === "platines")!;
    expect(await item()).toMatchObject({ state: "missing" });

    const passing = await submitPlatinesSession(
      editor.actor,
      { fields: fields(editor.serviceId, searchRead.id), report: upload("succes.xml", fixture("homologation-recherche-lecture-succes.xml")), evidence: [upload("resultats.pdf", "%PDF-1.7 résultats")] },
      testRequest,
      now,
    );
    expect(passing.satisfied).toBe(true);
    await submitPlatinesSession(editor.actor, { fields: fields(editor.serviceId, pagingErrors.id), report: upload("p.xml", fixture("homologation-pagination-erreurs-succes.xml")), evidence: [] }, testRequest, now);
    expect(await item()).toMatchObject({ state: "done", detail: "2 plans de tests satisfaits par une session d'homologation." });

    // A later failing session of the same plan replaces the verdict; the earlier one is kept.
    const later = new Date(now.getTime() + 60_000);
    const failing = await submitPlatinesSession(
      editor.actor,
      { fields: fields(editor.serviceId, searchRead.id, { sessionIdentifier: "SESSION-4822" }), report: upload("echecs.xml", fixture("homologation-recherche-lecture-echecs.xml")), evidence: [] },
      testRequest,
      later,
    );
    expect(failing.satisfied).toBe(false);
    const page = await servicePlatinesPage(editor.actor, editor.serviceId);
    expect(page.submissions).toHaveLength(3);
    const plan = page.plans.find((p) => p.id === searchRead.id)!;
    expect(plan.state).toBe("notSatisfied");
    expect(plan.latest?.sessionIdentifier).toBe("SESSION-4822");
    expect(plan.latest?.evaluation?.rows.slice(0, 4).map((r) => r.status)).toEqual(["erreur", "échec", "non exécuté", "manquant"]);
    expect(page.submissions.filter((s) => !s.isLatestForPlan).map((s) => s.sessionIdentifier)).toEqual(["SESSION-4821"]);
    expect(await item()).toMatchObject({ state: "missing" });
    expect((await item()).detail).toContain(searchRead.name);

    const event = await db().event.findFirstOrThrow({ where: { name: "platines.submitted", subjectId: passing.submissionId }, include: { personalData: true } });
    expect(event).toMatchObject({ actorId: editor.userId, organizationId: editor.organizationId });
    expect(event.payload).toMatchObject({ sessionType: "CERTIFICATION", satisfied: true, totalCases: 10, evidence: [{ fileName: "resultats.pdf" }] });
  });

  it("asks no test of a profile 0 service", async () => {
    const editor = await serviceWithProfile("0");
    const page = await servicePlatinesPage(editor.actor, editor.serviceId);
    expect(page.plans).toEqual([]);
    const item = (await servicePage(editor.actor, editor.serviceId, now)).completeness.find((i) => i.id === "platines")!;
    expect(item).toMatchObject({ state: "done" });
    expect(item.detail).toMatch(/Aucun test PLATINES n'est exigé/);
  });

  it("stores nothing on bad input, and says why next to the field", async () => {
    const editor = await serviceWithProfile("2");
    const { searchRead } = await examplePlans();
    const other = await db().platinesTestPlan.create({ data: { name: "Plan d'un autre profil", api: "FHIR", description: "x", profiles: { connect: [{ code: "0" }] } } });
    const good = () => upload("succes.xml", fixture("homologation-recherche-lecture-succes.xml"));
    const before = await counts();
    const attempts: [string, Parameters<typeof submitPlatinesSession>[1], Record<string, string | RegExp>][] = [
      ["not XML", { fields: fields(editor.serviceId, searchRead.id), report: upload("r.pdf", fixture("refus-pas-xml.pdf")), evidence: [] }, { report: JUNIT_REPORT_ERRORS.notXml }],
      ["not JUnit", { fields: fields(editor.serviceId, searchRead.id), report: upload("r.xml", fixture("refus-pas-junit.xml")), evidence: [] }, { report: JUNIT_REPORT_ERRORS.notJunit("Bundle") }],
      ["zero cases", { fields: fields(editor.serviceId, searchRead.id), report: upload("r.xml", fixture("refus-aucun-cas.xml")), evidence: [] }, { report: JUNIT_REPORT_ERRORS.noTestCases }],
      ["external entity", { fields: fields(editor.serviceId, searchRead.id), report: upload("r.xml", fixture("refus-entite-externe.xml")), evidence: [] }, { report: JUNIT_REPORT_ERRORS.doctype }],
      ["entity bomb", { fields: fields(editor.serviceId, searchRead.id), report: upload("r.xml", fixture("refus-bombe-entites.xml")), evidence: [] }, { report: JUNIT_REPORT_ERRORS.doctype }],
      ["zip", { fields: fields(editor.serviceId, searchRead.id), report: upload("r.xml", fixture("refus-journaux-session.zip")), evidence: [] }, { report: JUNIT_REPORT_ERRORS.zip }],
      ["report too large", { fields: fields(editor.serviceId, searchRead.id), report: { name: "gros.xml", size: MAX_JUNIT_REPORT_BYTES + 1, read: () => Promise.reject(new Error("must not be read")) }, evidence: [] }, { report: JUNIT_REPORT_ERRORS.tooLarge }],
      ["evidence too large", { fields: fields(editor.serviceId, searchRead.id), report: good(), evidence: [{ name: "journaux.zip", size: MAX_EVIDENCE_BYTES + 1, read: () => Promise.reject(new Error("must not be read")) }] }, { evidence: /journaux\.zip.*20 Mio/ }],
      ["no report", { fields: fields(editor.serviceId, searchRead.id), report: null, evidence: [] }, { report: /Joignez le rapport/ }],
      ["future date", { fields: fields(editor.serviceId, searchRead.id, { ranOn: "2026-03-11" }), report: good(), evidence: [] }, { ranOn: "La date d'exécution ne peut pas être dans le futur." }],
      ["plan of another profile", { fields: fields(editor.serviceId, other.id), report: good(), evidence: [] }, { planId: /Choisissez l'un des plans/ }],
      ["forged plan", { fields: fields(editor.serviceId, randomUUID()), report: good(), evidence: [] }, { planId: /Choisissez l'un des plans/ }],
    ];
    for (const [label, input, expected] of attempts) {
      const error = await rejection(submitPlatinesSession(editor.actor, input, testRequest, now));
      expect(error.code, label).toBe("VALIDATION");
      for (const [field, message] of Object.entries(expected)) {
        if (typeof message === "string") expect(error.fieldErrors[field], label).toBe(message);
        else expect(error.fieldErrors[field], label).toMatch(message);
      }
    }
    expect(await counts()).toEqual(before);
  });
});

describe("PLATINES isolation and review", () => {
  it("no organisation sees or downloads another's results; only reviewers validate, once, the latest session", async () => {
    const owner = await serviceWithProfile("1");
    const intruder = await serviceWithProfile("1");
    const reviewer = await createPerson(["ANS_REVIEWER"], "Instructrice");
    const { searchRead } = await examplePlans();
    const { submissionId } = await submitPlatinesSession(
      owner.actor,
      { fields: fields(owner.serviceId, searchRead.id), report: upload("succes.xml", fixture("homologation-recherche-lecture-succes.xml")), evidence: [upload("capture.png", "\u0089PNG image")] },
      testRequest,
      now,
    );
    const submission = await db().platinesSubmission.findUniqueOrThrow({ where: { id: submissionId }, include: { evidence: true } });
    const evidenceId = submission.evidence[0]!.fileId;

    // The owner downloads both files with safe types.
    expect((await platinesFileForDownload(owner.actor, submission.reportFileId)).mediaType).toBe("application/xml");
    expect(await platinesFileForDownload(owner.actor, evidenceId)).toMatchObject({ fileName: "capture.png", mediaType: "image/png" });

    // Another organisation: everything looks missing, and nothing changes.
    for (const attempt of [
      () => servicePlatinesPage(intruder.actor, owner.serviceId),
      () => platinesFileForDownload(intruder.actor, submission.reportFileId),
      () => platinesFileForDownload(intruder.actor, evidenceId),
      () => platinesFileForDownload(intruder.actor, randomUUID()),
      () => platinesFileForDownload(intruder.actor, "' OR 1=1 --"),
      () => submitPlatinesSession(intruder.actor, { fields: fields(owner.serviceId, searchRead.id), report: upload("x.xml", fixture("homologation-recherche-lecture-succes.xml")), evidence: [] }, testRequest, now),
    ]) {
      expect((await rejection(attempt())).code).toBe("NOT_FOUND");
    }
    // A stored file that is not a PLATINES file is not downloadable through this route, even by a reviewer.
    const unrelated = await db().storedFile.create({ data: { fileName: "autre.pdf", mediaType: "application/pdf", size: 1, sha256: "x", content: new Uint8Array([1]) } });
    expect((await rejection(platinesFileForDownload(reviewer, unrelated.id))).code).toBe("NOT_FOUND");

    // Editors cannot review or validate, not even their own results.
    expect((await rejection(platinesReviewOf(owner.actor, owner.serviceId))).code).toBe("FORBIDDEN");
    expect((await rejection(validatePlatinesSubmission(owner.actor, submissionId, {}, testRequest))).code).toBe("FORBIDDEN");
    expect((await rejection(validatePlatinesSubmission(intruder.actor, submissionId, {}, testRequest))).code).toBe("FORBIDDEN");

    // The reviewer sees the evaluation, counts and files, downloads the evidence and validates.
    const review = await platinesReviewOf(reviewer, owner.serviceId);
    const plan = review.plans.find((p) => p.id === searchRead.id)!;
    expect(plan).toMatchObject({ state: "satisfied", latest: { atSubmission: { totalCases: 10, casesPassed: 10, satisfied: true }, validation: null } });
    expect(plan.latest!.evidence.map((e) => e.fileName)).toEqual(["capture.png"]);
    expect((await platinesFileForDownload(reviewer, evidenceId)).fileName).toBe("capture.png");
    await validatePlatinesSubmission(reviewer, submissionId, { note: "Conforme au plan." }, testRequest, now);
    const validated = (await platinesReviewOf(reviewer, owner.serviceId)).plans.find((p) => p.id === searchRead.id)!.latest!;
    expect(validated.validation).toMatchObject({ by: "Instructrice", note: "Conforme au plan.", at: now });
    expect((await rejection(validatePlatinesSubmission(reviewer, submissionId, {}, testRequest))).code).toBe("CONFLICT");
    expect(await db().event.count({ where: { name: "platines.validated", subjectId: submissionId, actorId: reviewer.userId } })).toBe(1);

    // A newer session for the plan: the older one can no longer be validated.
    const { submissionId: newer } = await submitPlatinesSession(
      owner.actor,
      { fields: fields(owner.serviceId, searchRead.id, { sessionIdentifier: "S2" }), report: upload("s.xml", fixture("homologation-recherche-lecture-succes.xml")), evidence: [] },
      testRequest,
      new Date(now.getTime() + 1000),
    );
    const older = await submitPlatinesSession(
      owner.actor,
      { fields: fields(owner.serviceId, searchRead.id, { sessionIdentifier: "S0" }), report: upload("s.xml", fixture("homologation-recherche-lecture-succes.xml")), evidence: [] },
      testRequest,
      new Date(now.getTime() - 1000),
    );
    expect((await rejection(validatePlatinesSubmission(reviewer, older.submissionId, {}, testRequest))).message).toMatch(/plus récente/);
    await validatePlatinesSubmission(reviewer, newer, {}, testRequest);
  });
});

describe("PLATINES test plan administration", () => {
  it("only administrators manage plans; changes are versioned, audited and re-evaluate earlier results", async () => {
    const admin = await createPerson(["ANS_ADMIN"], "Admin");
    const reviewer = await createPerson(["ANS_REVIEWER"], "Instructeur");
    const editor = await serviceWithProfile("4");
    const profile4 = (await listActiveAccessProfiles()).find((p) => p.code === "4")!;
    const values = { name: "Plan d'essai", api: "FHIR", description: "Essai.", profileIds: [profile4.id], cases: "ESS-01 — Premier cas\nESS-02 — Second cas", active: true };
    expect((await rejection(createTestPlan(reviewer, values, testRequest))).code).toBe("FORBIDDEN");
    expect((await rejection(listTestPlans(editor.actor))).code).toBe("FORBIDDEN");
    const invalid = await rejection(createTestPlan(admin, { ...values, cases: "ESS-01 — Un\ness-01 — Deux", profileIds: [] }, testRequest));
    expect(invalid.fieldErrors).toMatchObject({ cases: /déjà utilisé ligne 1/, profileIds: /au moins un profil/ });

    const { planId } = await createTestPlan(admin, values, testRequest);
    const report = `<testsuites><testsuite name="s"><testcase name="ESS-01"/><testcase name="ESS-02"/></testsuite></testsuites>`;
    await submitPlatinesSession(editor.actor, { fields: fields(editor.serviceId, planId), report: upload("r.xml", report), evidence: [] }, testRequest, now);
    const stateOf = async () => (await servicePlatinesPage(editor.actor, editor.serviceId)).plans.find((p) => p.id === planId)?.state;
    expect(await stateOf()).toBe("satisfied");

    const form = await testPlanForm(admin, planId);
    expect(form.plan?.casesText).toBe("ESS-01 — Premier cas\nESS-02 — Second cas");
    await updateTestPlan(admin, planId, { ...values, cases: `${values.cases}\nESS-03 — Troisième cas`, version: form.plan!.version }, testRequest);
    expect(await stateOf()).toBe("notSatisfied");
    // A stale form loses: nothing is overwritten.
    const stale = await rejection(updateTestPlan(admin, planId, { ...values, name: "Écrasé", version: form.plan!.version }, testRequest));
    expect(stale.code).toBe("CONFLICT");
    expect((await db().platinesTestPlan.findUniqueOrThrow({ where: { id: planId } })).name).toBe("Plan d'essai");
    // Deactivated: it no longer applies.
    await updateTestPlan(admin, planId, { ...values, active: false, version: form.plan!.version + 1 }, testRequest);
    expect(await stateOf()).toBeUndefined();
    const events = await db().event.findMany({ where: { subjectId: planId }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.name)).toEqual(["platines_plan.created", "platines_plan.updated", "platines_plan.updated"]);
    expect(events[1]!.payload).toMatchObject({ before: { cases: ["ESS-01 — Premier cas", "ESS-02 — Second cas"] }, after: { cases: expect.arrayContaining(["ESS-03 — Troisième cas"]) } });
  });
});
