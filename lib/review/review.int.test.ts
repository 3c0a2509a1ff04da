import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDraft } from "../applications/create-draft.server";
import { openAmendment, RENEWAL_NEEDS_NEW_CERTIFICATE } from "../applications/open-amendment.server";
import { submitApplication } from "../applications/submit.server";
import { addCertificate, completeService, outboxTo, profileByCode, reviewer, testRequest } from "../applications/test-fixtures.server";
import { withdrawApplication } from "../applications/withdraw.server";
import { QUOTA_MESSAGE } from "../enrolments/grant";
import { createPerson } from "../catalogue/test-fixtures.server";
import { db } from "../db.server";
import { applicationTimeline, enrolmentHistory } from "../events/histories.server";
import { isAppError, type AppError } from "../errors";
import { rejection } from "../organizations/test-fixtures.server";
import { approveApplication } from "./approve.server";
import { refuseApplication } from "./refuse.server";
import { reinstateEnrolment } from "../enrolments/reinstate.server";
import { requestChanges } from "./request-changes.server";
import { revokeEnrolment } from "../enrolments/revoke.server";
import { suspendEnrolment } from "../enrolments/suspend.server";

async function submittedApplication(profileCode = "0") {
  const editor = await completeService({ profileCode });
  const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
  const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
  return { editor, applicationId, version };
}

async function snapshotOf(applicationId: string) {
  const [application, submissions, events, messages, enrolments, audits, mails] = await Promise.all([
    db().application.findUniqueOrThrow({ where: { id: applicationId } }),
    db().applicationSubmission.count({ where: { applicationId } }),
    db().event.count({ where: { subjectId: applicationId } }),
    db().applicationMessage.count({ where: { applicationId } }),
    db().enrolment.count(),
    db().event.count(),
    db().outboxMessage.count(),
  ]);
  return { application, submissions, events, messages, enrolments, audits, mails };
}

function appErrors(results: PromiseSettledResult<unknown>[]): AppError[] {
  return results.flatMap((r) => (r.status === "rejected" && isAppError(r.reason) ? [r.reason] : []));
}

describe("two reviewers acting on one application at the same time", () => {
  it("lets exactly one action win; the other gets the conflict in French and nothing of it is applied", async () => {
    const { applicationId, version } = await submittedApplication();
    const [alice, bob] = [await reviewer("Alice Instructrice"), await reviewer("Bob Instructeur")];
    const profile = await profileByCode("2");

    const results = await Promise.allSettled([
      approveApplication(alice, { applicationId, version, accessProfileId: profile.id }, testRequest),
      refuseApplication(bob, { applicationId, version, reason: "Hors périmètre." }, testRequest),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [conflict] = appErrors(results);
    expect(conflict).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Le dossier a été modifié entre-temps/) });

    const after = await db().application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(after.version).toBe(version + 1);
    const won = results[0]!.status === "fulfilled" ? "approve" : "refuse";
    if (won === "approve") {
      expect(after).toMatchObject({ status: "APPROVED", decisionReason: null, decidedById: alice.userId });
      expect(await db().event.count({ where: { subjectId: applicationId, name: "application.refused" } })).toBe(0);
    } else {
      expect(after).toMatchObject({ status: "REFUSED", decidedById: bob.userId });
      expect(await db().enrolment.count({ where: { applicationId } })).toBe(0);
      expect(await db().event.count({ where: { subjectId: applicationId, name: "application.approved" } })).toBe(0);
    }
    const decisions = await db().event.count({ where: { subjectId: applicationId, name: { in: ["application.approved", "application.refused"] } } });
    expect(decisions).toBe(1);
  });

  it("also when both try the same action", async () => {
    const { applicationId, version } = await submittedApplication();
    const [alice, bob] = [await reviewer(), await reviewer()];
    const results = await Promise.allSettled([
      requestChanges(alice, { applicationId, version, message: "Première demande." }, testRequest),
      requestChanges(bob, { applicationId, version, message: "Seconde demande." }, testRequest),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(appErrors(results).map((e) => e.code)).toEqual(["CONFLICT"]);
    expect(await db().applicationMessage.count({ where: { applicationId } })).toBe(1);
  });
});

describe("forged and bad review actions", () => {
  it("refuses every review action from an editor, even of the same organisation, and changes nothing", async () => {
    const { editor, applicationId, version } = await submittedApplication();
    const profile = await profileByCode("1");
    const before = await snapshotOf(applicationId);
    const attempts = [
      approveApplication(editor.actor, { applicationId, version, accessProfileId: profile.id }, testRequest),
      refuseApplication(editor.actor, { applicationId, version, reason: "x" }, testRequest),
      requestChanges(editor.actor, { applicationId, version, message: "x" }, testRequest),
      suspendEnrolment(editor.actor, { enrolmentId: randomUUID(), version: 1, reason: "x" }, testRequest),
      reinstateEnrolment(editor.actor, { enrolmentId: randomUUID(), version: 1 }, testRequest),
      revokeEnrolment(editor.actor, { enrolmentId: randomUUID(), version: 1, reason: "x" }, testRequest),
    ];
    for (const attempt of attempts) {
      expect(await rejection(attempt)).toMatchObject({ code: "FORBIDDEN", message: "Seuls les instructeurs de l'ANS peuvent faire cela." });
    }
    expect(await snapshotOf(applicationId)).toEqual(before);
  });

  it("refuses approval with a profile that does not exist, is withdrawn or forged, next to the field", async () => {
    const { applicationId, version } = await submittedApplication();
    const ans = await reviewer();
    const withdrawn = await db().accessProfile.create({
      data: { code: `retire-${randomUUID()}`, label: "Retiré", description: "x", level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5, active: false },
    });
    const before = await snapshotOf(applicationId);
    for (const accessProfileId of [randomUUID(), withdrawn.id, "' OR 1=1 --", undefined]) {
      const error = await rejection(approveApplication(ans, { applicationId, version, accessProfileId }, testRequest));
      expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { accessProfileId: "Ce profil d'accès n'existe pas ou n'est plus proposé. Choisissez un profil du catalogue." } });
    }
    expect(await snapshotOf(applicationId)).toEqual(before);
  });

  it("refuses absurd quotas with the allowed range", async () => {
    const { applicationId, version } = await submittedApplication();
    const ans = await reviewer();
    const profile = await profileByCode("2");
    const before = await snapshotOf(applicationId);
    for (const [authenticated, open] of [["0", "5"], ["-1", "5"], ["10", "1000000"], ["dix", "5"]]) {
      const error = await rejection(
        approveApplication(
          ans,
          { applicationId, version, accessProfileId: profile.id, level2AuthenticatedPerSecond: authenticated, level2PublicPerSecond: open, quotaReason: "Motif valable." },
          testRequest,
        ),
      );
      expect(error.code).toBe("VALIDATION");
      expect(Object.values(error.fieldErrors)).toEqual([QUOTA_MESSAGE]);
    }
    const unexplained = await rejection(approveApplication(ans, { applicationId, version, accessProfileId: profile.id, level2AuthenticatedPerSecond: "50" }, testRequest));
    expect(unexplained.fieldErrors.quotaReason).toMatch(/^Saisissez le motif : les quotas s'écartent de ceux du profil/);
    expect(await snapshotOf(applicationId)).toEqual(before);
  });

  it("requires a message to request changes and a reason to refuse; refuses actions on a stale version or a draft", async () => {
    const { editor, applicationId, version } = await submittedApplication();
    const ans = await reviewer();
    expect(await rejection(requestChanges(ans, { applicationId, version, message: "  " }, testRequest))).toMatchObject({
      fieldErrors: { message: "Indiquez à l'éditeur les modifications attendues." },
    });
    expect(await rejection(refuseApplication(ans, { applicationId, version }, testRequest))).toMatchObject({ fieldErrors: { reason: "Indiquez le motif du refus." } });
    expect((await rejection(refuseApplication(ans, { applicationId, version: version - 1, reason: "x" }, testRequest))).code).toBe("CONFLICT");

    const draft = await completeService();
    const { applicationId: draftId } = await createDraft(draft.actor, { serviceId: draft.serviceId }, testRequest);
    expect((await rejection(refuseApplication(ans, { applicationId: draftId, version: 1, reason: "x" }, testRequest))).code).toBe("NOT_FOUND");
    void editor;
  });

  it("lets an administrator review too", async () => {
    const { applicationId, version } = await submittedApplication();
    const admin = await createPerson(["ANS_ADMIN"], "Adèle Admin");
    await expect(refuseApplication(admin, { applicationId, version, reason: "Hors périmètre." }, testRequest)).resolves.toEqual({ version: version + 1 });
  });
});

describe("the enrolment", () => {
  it("is frozen: later changes of URLs and certificates by the editor do not alter it", async () => {
    const { editor, applicationId, version } = await submittedApplication("2");
    const ans = await reviewer();
    const profile = await profileByCode("2");
    const { enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: profile.id }, testRequest);
    const frozen = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    expect(frozen.certificateFingerprints).toEqual(editor.fingerprints);
    expect(frozen.grant).toMatchObject({ certificates: [{ fingerprintSha256: editor.fingerprints[0], subjectDn: expect.stringContaining("CN=Orientation Plus") }] });

    await db().serviceUrl.deleteMany({ where: { serviceId: editor.serviceId } });
    await db().serviceUrl.create({ data: { serviceId: editor.serviceId, environment: "PRODUCTION", url: "https://autre.exemple.fr" } });
    await addCertificate(editor.serviceId, editor.userId, { cn: "Nouveau certificat" });
    await db().service.update({ where: { id: editor.serviceId }, data: { name: "Nom changé" } });
    await db().accessProfile.update({ where: { id: profile.id }, data: { level2AuthenticatedPerSecond: 99 } });

    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toEqual(frozen);
  });

  it("can be suspended with a reason, reinstated and revoked, each at the version seen, each mailed to the editor", async () => {
    const { editor, applicationId, version } = await submittedApplication();
    const ans = await reviewer();
    const { enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: (await profileByCode("0")).id }, testRequest);

    expect(await rejection(suspendEnrolment(ans, { enrolmentId, version: 1, reason: "" }, testRequest))).toMatchObject({ fieldErrors: { reason: "Indiquez le motif de la suspension." } });
    expect(await suspendEnrolment(ans, { enrolmentId, version: 1, reason: "Dépassement répété des quotas." }, testRequest)).toEqual({ version: 2 });
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "SUSPENDED", suspensionReason: "Dépassement répété des quotas.", suspendedById: ans.userId });
    expect((await rejection(suspendEnrolment(ans, { enrolmentId, version: 2, reason: "encore" }, testRequest))).code).toBe("CONFLICT");
    expect((await rejection(reinstateEnrolment(ans, { enrolmentId, version: 1 }, testRequest))).message).toMatch(/^L'habilitation a été modifiée entre-temps/);

    expect(await reinstateEnrolment(ans, { enrolmentId, version: 2 }, testRequest)).toEqual({ version: 3 });
    expect(await revokeEnrolment(ans, { enrolmentId, version: 3, reason: "Usage détourné des données." }, testRequest)).toEqual({ version: 4 });
    const revoked = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    expect(revoked).toMatchObject({ status: "REVOKED", currentServiceId: null, revocationReason: "Usage détourné des données." });
    expect((await rejection(reinstateEnrolment(ans, { enrolmentId, version: 4 }, testRequest))).code).toBe("CONFLICT");

    const history = await enrolmentHistory({ id: enrolmentId, applicationId });
    expect(history.map((e) => [e.name, e.label, e.reason])).toEqual([
      ["application.approved", "Habilitation accordée", null],
      ["enrolment.suspended", "Suspendue", "Dépassement répété des quotas."],
      ["enrolment.reinstated", "Rétablie", null],
      ["enrolment.revoked", "Révoquée", "Usage détourné des données."],
    ]);
    expect((await outboxTo(editor.email)).slice(-3).map((m) => m.subject)).toEqual([
      "Habilitation suspendue : Orientation Plus",
      "Habilitation rétablie : Orientation Plus",
      "Habilitation révoquée : Orientation Plus",
    ]);
    const timeline = await applicationTimeline(applicationId, enrolmentId);
    expect(timeline.slice(-3).map((e) => [e.name, e.message])).toEqual([
      ["enrolment.suspended", "Dépassement répété des quotas."],
      ["enrolment.reinstated", null],
      ["enrolment.revoked", "Usage détourné des données."],
    ]);
    // Revoked is final for that enrolment; the service may apply anew.
    await expect(createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest)).resolves.toMatchObject({ version: 1 });
  });
});

describe("amendments", () => {
  async function enrolledService() {
    const { editor, applicationId, version } = await submittedApplication("2");
    const ans = await reviewer();
    const profile = await profileByCode("2");
    const { enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: profile.id }, testRequest);
    return { editor, ans, profile, enrolmentId, firstApplicationId: applicationId };
  }

  it("keeps the enrolment in force until approval, which supersedes it; the first submission shows what changes from the grant", async () => {
    const { editor, ans, profile, enrolmentId, firstApplicationId } = await enrolledService();
    expect((await rejection(createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest))).message).toContain("déjà habilité");

    const opened = await openAmendment(editor.actor, { serviceId: editor.serviceId, reason: "CHANGE", note: "Ajout de l'URL de production." }, testRequest);
    expect(await db().application.findUniqueOrThrow({ where: { id: opened.applicationId } })).toMatchObject({
      kind: "AMENDMENT",
      amendmentReason: "CHANGE",
      previousEnrolmentId: enrolmentId,
    });
    await db().serviceUrl.create({ data: { serviceId: editor.serviceId, environment: "PRODUCTION", url: "https://orientation.exemple.fr" } });
    const submitted = await submitApplication(editor.actor, { applicationId: opened.applicationId, version: opened.version }, testRequest);
    expect(submitted.changes!.map((c) => [c.field, c.kind, c.after])).toEqual([["URL de production", "added", "https://orientation.exemple.fr"]]);

    // Under review, the old enrolment is still the one in force.
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "ACTIVE", currentServiceId: editor.serviceId });

    const approved = await approveApplication(ans, { applicationId: opened.applicationId, version: submitted.version, accessProfileId: profile.id }, testRequest);
    expect(approved.supersededEnrolmentId).toBe(enrolmentId);
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({
      status: "SUPERSEDED",
      currentServiceId: null,
      supersededByApplicationId: opened.applicationId,
    });
    const current = await db().enrolment.findUniqueOrThrow({ where: { currentServiceId: editor.serviceId } });
    expect(current.id).toBe(approved.enrolmentId);
    expect(current.grant).toMatchObject({ urls: expect.arrayContaining([{ environment: "PRODUCTION", url: "https://orientation.exemple.fr" }]) });
    expect((await enrolmentHistory({ id: enrolmentId, applicationId: firstApplicationId })).map((e) => e.label)).toEqual([
      "Habilitation accordée",
      "Remplacée par une modification approuvée",
    ]);
    expect((await enrolmentHistory(current)).map((e) => e.label)).toEqual(["Modification approuvée"]);
    expect((await applicationTimeline(firstApplicationId, enrolmentId)).filter((e) => e.name === "enrolment.superseded")).toHaveLength(1);
  });

  it("leaves the enrolment as it was when the amendment is refused or withdrawn", async () => {
    const { editor, ans, enrolmentId } = await enrolledService();
    const before = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } });

    const first = await openAmendment(editor.actor, { serviceId: editor.serviceId, reason: "CHANGE" }, testRequest);
    const submitted = await submitApplication(editor.actor, { applicationId: first.applicationId, version: first.version }, testRequest);
    await refuseApplication(ans, { applicationId: first.applicationId, version: submitted.version, reason: "Changement non justifié." }, testRequest);
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toEqual(before);

    const second = await openAmendment(editor.actor, { serviceId: editor.serviceId, reason: "CHANGE" }, testRequest);
    await withdrawApplication(editor.actor, { applicationId: second.applicationId, version: second.version }, testRequest);
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toEqual(before);
  });

  it("needs an enrolment in force, and refuses approval once the amended enrolment was revoked", async () => {
    const fresh = await completeService();
    expect((await rejection(openAmendment(fresh.actor, { serviceId: fresh.serviceId, reason: "CHANGE" }, testRequest))).message).toContain("pas d'habilitation en vigueur");

    const { editor, ans, profile, enrolmentId } = await enrolledService();
    const opened = await openAmendment(editor.actor, { serviceId: editor.serviceId, reason: "CHANGE" }, testRequest);
    const submitted = await submitApplication(editor.actor, { applicationId: opened.applicationId, version: opened.version }, testRequest);
    await revokeEnrolment(ans, { enrolmentId, version: 1, reason: "Usage détourné." }, testRequest);
    const error = await rejection(approveApplication(ans, { applicationId: opened.applicationId, version: submitted.version, accessProfileId: profile.id }, testRequest));
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("n'est plus en vigueur") });
    expect(await db().enrolment.count({ where: { serviceId: editor.serviceId, status: "ACTIVE" } })).toBe(0);
  });

  it("makes certificate renewal a short path: a new certificate, one click, submitted with a pre-filled note", async () => {
    const { editor, ans, profile, enrolmentId } = await enrolledService();
    expect(await rejection(openAmendment(editor.actor, { serviceId: editor.serviceId, reason: "CERTIFICATE_RENEWAL", submitNow: true }, testRequest))).toMatchObject({
      code: "VALIDATION",
      message: RENEWAL_NEEDS_NEW_CERTIFICATE,
    });
    expect(await db().application.count({ where: { serviceId: editor.serviceId, kind: "AMENDMENT" } })).toBe(0);

    const renewed = await addCertificate(editor.serviceId, editor.userId, { cn: "Orientation Plus", uploadedAt: new Date(Date.now() + 1000) });
    const result = await openAmendment(editor.actor, { serviceId: editor.serviceId, reason: "CERTIFICATE_RENEWAL", submitNow: "true" }, testRequest);
    expect(result.submission).toMatchObject({ submissionNumber: 1 });
    expect(result.submission!.changes!.map((c) => [c.field, c.kind])).toEqual([
      ["Certificat de test", "removed"],
      ["Certificat de test", "added"],
    ]);
    const application = await db().application.findUniqueOrThrow({ where: { id: result.applicationId } });
    expect(application).toMatchObject({ status: "SUBMITTED", amendmentReason: "CERTIFICATE_RENEWAL" });
    expect(application.amendmentNote).toContain(renewed);
    expect((await outboxTo(ans.email)).at(-1)!.text).toContain("demande de modification");

    const approved = await approveApplication(ans, { applicationId: result.applicationId, version: result.version, accessProfileId: profile.id }, testRequest);
    const current = await db().enrolment.findUniqueOrThrow({ where: { id: approved.enrolmentId } });
    expect(current.certificateFingerprints).toEqual([renewed]);
    expect(approved.supersededEnrolmentId).toBe(enrolmentId);
  });
});
