import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { newOrganization, rejection } from "../organizations/test-fixtures.server";
import { approveApplication } from "../review/approve.server";
import { requestChanges } from "../review/request-changes.server";
import { updateService } from "../services/services.server";
import { createDraft } from "./create-draft.server";
import { MESSAGE_TEXT_MESSAGES } from "../message-text";
import { postMessage } from "./post-message.server";
import { submitApplication } from "./submit.server";
import { completeService, outboxTo, profileByCode, reviewer, testRequest } from "./test-fixtures.server";
import { withdrawApplication } from "./withdraw.server";
import { serviceCompletenessOf } from "./checklist.server";

async function changeCounts() {
  const [applications, submissions, events, messages, enrolments, audits, mails] = await Promise.all([
    db().application.count(),
    db().applicationSubmission.count(),
    db().event.count({ where: { subjectType: "Application" } }),
    db().applicationMessage.count(),
    db().enrolment.count(),
    db().event.count(),
    db().outboxMessage.count(),
  ]);
  return { applications, submissions, events, messages, enrolments, audits, mails };
}

describe("the life of an application, from draft to approval", () => {
  it("goes through submission, a request for changes, a reply, a resubmission with its diff, and approval", async () => {
    const editor = await completeService({ profileCode: "0" });
    const instructeur = await reviewer();

    const { applicationId, version: v1 } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    expect(v1).toBe(1);
    expect(await db().application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      status: "DRAFT",
      kind: "NEW",
      openServiceId: editor.serviceId,
      organizationName: "Éditeur Test SAS",
      serviceName: "Orientation Plus",
      requestedProfileCode: "0",
      searchText: expect.stringContaining("editeur test sas"),
    });

    // First submission: snapshot, no diff, mail to the organisation and to reviewers.
    const first = await submitApplication(editor.actor, { applicationId, version: String(v1) }, testRequest);
    expect(first).toMatchObject({ version: 2, submissionNumber: 1, changes: null });
    const submission = await db().applicationSubmission.findFirstOrThrow({ where: { applicationId, number: 1 } });
    expect(submission.diff).toBeNull();
    expect(submission.snapshot).toMatchObject({
      organization: { name: "Éditeur Test SAS" },
      service: { name: "Orientation Plus", requestedProfile: { code: "0" } },
      urls: [{ environment: "TEST", url: "https://test.orientation.exemple.fr" }],
      charter: { version: "0.1" },
    });
    expect((await outboxTo(editor.email)).map((m) => m.subject)).toEqual(["Dossier déposé : Orientation Plus"]);
    const reviewerMail = await outboxTo(instructeur.email);
    expect(reviewerMail.map((m) => m.subject)).toEqual(["Nouveau dossier à instruire : Orientation Plus"]);
    expect(reviewerMail[0]!.text).toContain(`/instruction/dossiers/${applicationId}`);

    // The reviewer asks for changes; the request is in the thread and mailed (without its text) to the editor.
    const asked = await requestChanges(instructeur, { applicationId, version: 2, message: "Précisez la version du logiciel et l'URL de production." }, testRequest);
    expect(asked.version).toBe(3);
    const editorMails = await outboxTo(editor.email);
    expect(editorMails.at(-1)).toMatchObject({ subject: "Modifications demandées : Orientation Plus" });
    expect(editorMails.at(-1)!.text).not.toContain("Précisez");
    expect(editorMails.at(-1)!.text).toContain(`/editeur/dossiers/${applicationId}`);

    // The editor replies; reviewers are told.
    await postMessage(editor.actor, { applicationId, side: "editor", body: "C'est fait : version 4.3 et URL de production ajoutée." }, testRequest);
    expect((await outboxTo(instructeur.email)).at(-1)!.subject).toBe("Réponse de l'éditeur : Orientation Plus");

    // The editor changes the service and resubmits: the reviewer sees what changed.
    const form = await db().service.findUniqueOrThrow({ where: { id: editor.serviceId } });
    await updateService(
      editor.actor,
      editor.serviceId,
      {
        name: form.name,
        softwareName: form.softwareName,
        softwareVersion: "4.3",
        description: form.description,
        purposes: form.purposes,
        users: form.users,
        requestedProfileId: form.requestedProfileId,
        profileJustification: form.profileJustification,
        apis: form.apis,
        version: form.updatedAt.toISOString(),
      },
      testRequest,
    );
    await db().serviceUrl.create({ data: { serviceId: editor.serviceId, environment: "PRODUCTION", url: "https://orientation.exemple.fr" } });
    const second = await submitApplication(editor.actor, { applicationId, version: 3 }, testRequest);
    expect(second.submissionNumber).toBe(2);
    expect(second.changes!.map((c) => [c.section, c.field, c.kind, c.before, c.after])).toEqual([
      ["Service numérique", "Version du logiciel", "changed", "4.2", "4.3"],
      ["URL", "URL de production", "added", null, "https://orientation.exemple.fr"],
    ]);
    const stored = await db().applicationSubmission.findFirstOrThrow({ where: { applicationId, number: 2 } });
    expect(stored.diff).toEqual(second.changes);
    expect((await outboxTo(instructeur.email)).at(-1)).toMatchObject({ subject: "Dossier déposé à nouveau : Orientation Plus" });
    expect((await outboxTo(instructeur.email)).at(-1)!.text).toContain("2 modifications depuis le dépôt précédent.");

    // Approval with profile 2: quotas prefilled from the profile, one of them changed by the reviewer.
    const profile2 = await profileByCode("2");
    const approved = await approveApplication(
      instructeur,
      { applicationId, version: second.version, accessProfileId: profile2.id, level2AuthenticatedPerSecond: "20", level2PublicPerSecond: "", quotaReason: "Plateforme régionale de régulation." },
      testRequest,
    );
    const enrolment = await db().enrolment.findUniqueOrThrow({ where: { id: approved.enrolmentId } });
    expect(enrolment).toMatchObject({
      status: "ACTIVE",
      currentServiceId: editor.serviceId,
      accessProfileCode: "2",
      level2AuthenticatedPerSecond: 20,
      level2PublicPerSecond: profile2.level2PublicPerSecond,
      quotaReason: "Plateforme régionale de régulation.",
      approvedById: instructeur.userId,
    });
    expect(enrolment.grant).toMatchObject({
      submissionNumber: 2,
      accessProfile: { code: "2", label: profile2.label },
      urls: [
        { environment: "TEST", url: "https://test.orientation.exemple.fr" },
        { environment: "PRODUCTION", url: "https://orientation.exemple.fr" },
      ],
      approvedBy: { id: instructeur.userId, name: "Inès Tructeur" },
    });
    expect(await db().application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      status: "APPROVED",
      openServiceId: null,
      decidedById: instructeur.userId,
      version: 5,
    });
    expect((await outboxTo(editor.email)).at(-1)).toMatchObject({ subject: "Dossier approuvé : Orientation Plus" });

    // The timeline tells the story, each event linked to its cause (one event per act).
    const audit = await db().event.findMany({ where: { subjectId: applicationId }, orderBy: { sequence: "asc" } });
    expect(audit.map((e) => Object.keys(e.payload as object).find((k) => ["submissionId", "messageId", "enrolmentId"].includes(k)) ?? null)).toEqual([
      null,
      "submissionId",
      "messageId",
      "messageId",
      "submissionId",
      "enrolmentId",
    ]);
    expect(audit.map((e) => e.name)).toEqual([
      "application.created",
      "application.submitted",
      "application.changes_requested",
      "application.message_posted",
      "application.submitted",
      "application.approved",
    ]);
    const thread = await db().applicationMessage.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } });
    expect(thread.map((m) => m.side)).toEqual(["REVIEWER", "EDITOR"]);
  });
});

describe("submitting", () => {
  it("refuses an incomplete application sent by a direct request, naming what is missing, and changes nothing", async () => {
    const editor = await completeService({ profileCode: "0", charter: false, url: false });
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    const before = await changeCounts();
    const error = await rejection(submitApplication(editor.actor, { applicationId, version: 1 }, testRequest));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toBe(
      "Le dossier est incomplet : « Charte d'accès aux données du ROR acceptée », « URL du service déclarée ». Complétez ces éléments avant de le déposer.",
    );
    expect(await changeCounts()).toEqual(before);
    expect(await db().application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "DRAFT", version: 1 });
  });

  it("requires a passing certificate for a profile that needs one", async () => {
    const editor = await completeService({ profileCode: "2" });
    await db().certificate.deleteMany({ where: { serviceId: editor.serviceId } });
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    expect((await rejection(submitApplication(editor.actor, { applicationId, version: 1 }, testRequest))).message).toContain("Certificat IGC Santé actif et conforme");
    const items = await serviceCompletenessOf(editor.serviceId);
    expect(items!.find((i) => i.id === "certificate")!.done).toBe(false);
  });

  it("refuses a requested profile that the catalogue withdrew", async () => {
    const editor = await completeService({ profileCode: "0" });
    const withdrawn = await db().accessProfile.create({
      data: { code: `retire-${randomUUID()}`, label: "Profil retiré", description: "Ancien.", requiresCertificate: false, level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5 },
    });
    await db().service.update({ where: { id: editor.serviceId }, data: { requestedProfileId: withdrawn.id } });
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    await db().accessProfile.update({ where: { id: withdrawn.id }, data: { active: false } });
    const error = await rejection(submitApplication(editor.actor, { applicationId, version: 1 }, testRequest));
    expect(error.message).toContain("Profil d'accès demandé proposé au catalogue");
  });

  it("refuses a stale version and someone else's dossier (which looks missing)", async () => {
    const editor = await completeService();
    const stranger = await newOrganization();
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    const stale = await rejection(submitApplication(editor.actor, { applicationId, version: 7 }, testRequest));
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Le dossier a été modifié entre-temps/) });
    for (const version of [1, 7]) {
      const foreign = await rejection(submitApplication(stranger.actor, { applicationId, version }, testRequest));
      expect(foreign).toMatchObject({ code: "NOT_FOUND", message: "Ce dossier est introuvable ou n'appartient pas à votre organisation." });
    }
    expect((await rejection(submitApplication(editor.actor, { applicationId: "pas-un-id", version: 1 }, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(submitApplication(editor.actor, { applicationId, version: "1; DROP" }, testRequest))).code).toBe("CONFLICT");
  });
});

describe("opening and withdrawing", () => {
  it("allows one open application per service, and a new one after withdrawal", async () => {
    const editor = await completeService();
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    const twice = await rejection(createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest));
    expect(twice).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("déjà un dossier en cours") });

    await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
    const { version } = await withdrawApplication(editor.actor, { applicationId, version: 2 }, testRequest);
    expect(version).toBe(3);
    expect(await db().application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "WITHDRAWN", openServiceId: null });
    expect((await outboxTo(editor.email)).at(-1)!.subject).toBe("Dossier retiré : Orientation Plus");
    expect((await rejection(withdrawApplication(editor.actor, { applicationId, version: 3 }, testRequest))).code).toBe("CONFLICT");

    const again = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    expect(again.applicationId).not.toBe(applicationId);
  });

  it("opens exactly one draft when two people click together", async () => {
    const editor = await completeService();
    const results = await Promise.allSettled([
      createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest),
      createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().application.count({ where: { serviceId: editor.serviceId } })).toBe(1);
  });

  it("keeps other organisations' services out of reach", async () => {
    const editor = await completeService();
    const stranger = await newOrganization();
    expect((await rejection(createDraft(stranger.actor, { serviceId: editor.serviceId }, testRequest))).code).toBe("NOT_FOUND");
    const ans = await reviewer();
    expect((await rejection(createDraft(ans, { serviceId: editor.serviceId }, testRequest))).code).toBe("NOT_FOUND");
  });
});

describe("messages", () => {
  async function submitted() {
    const editor = await completeService();
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
    return { editor, applicationId };
  }

  it("refuses a 100,000-character message before anything is written", async () => {
    const { editor, applicationId } = await submitted();
    const before = await changeCounts();
    const error = await rejection(postMessage(editor.actor, { applicationId, side: "editor", body: "a".repeat(100_000) }, testRequest));
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { body: MESSAGE_TEXT_MESSAGES.tooLong } });
    expect(await changeCounts()).toEqual(before);
  });

  it("refuses markup with a clear message, and keeps a plain text with '<' and quotes exactly as typed", async () => {
    const { editor, applicationId } = await submitted();
    const before = await changeCounts();
    const script = await rejection(postMessage(editor.actor, { applicationId, side: "editor", body: `Bonjour <script>alert("x")</script>` }, testRequest));
    expect(script.fieldErrors.body).toBe(MESSAGE_TEXT_MESSAGES.markup);
    expect(await changeCounts()).toEqual(before);

    const text = `Quota < 10 & "guillemets" -> d'accord`;
    const { messageId } = await postMessage(editor.actor, { applicationId, side: "editor", body: text }, testRequest);
    expect((await db().applicationMessage.findUniqueOrThrow({ where: { id: messageId } })).body).toBe(text);
  });

  it("keeps each side to its own people: no editor posts as a reviewer, no stranger posts at all", async () => {
    const { editor, applicationId } = await submitted();
    const stranger = await newOrganization();
    const before = await changeCounts();
    expect((await rejection(postMessage(editor.actor, { applicationId, side: "reviewer", body: "Approuvé !" }, testRequest))).code).toBe("FORBIDDEN");
    expect((await rejection(postMessage(stranger.actor, { applicationId, side: "editor", body: "Bonjour" }, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(postMessage(editor.actor, { applicationId, side: "admin", body: "Bonjour" }, testRequest))).code).toBe("FORBIDDEN");
    expect(await changeCounts()).toEqual(before);
  });

  it("has no thread on a draft for reviewers", async () => {
    const editor = await completeService();
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    const ans = await reviewer();
    expect((await rejection(postMessage(ans, { applicationId, side: "reviewer", body: "Bonjour" }, testRequest))).code).toBe("NOT_FOUND");
  });
});
