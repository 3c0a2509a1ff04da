import { describe, expect, it } from "vitest";
import { applicationForEditor, applicationForReview } from "../applications/application-view.server";
import { createDraft } from "../applications/create-draft.server";
import { organizationApplications } from "../applications/organization-applications.server";
import { postMessage } from "../applications/post-message.server";
import { submitApplication } from "../applications/submit.server";
import { completeService, outboxTo, reviewer, testRequest } from "../testing/application-fixtures.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { rejection } from "../testing/organization-fixtures.server";
import { db } from "../db.server";
import { applicationTimeline } from "../events/histories.server";
import { parseQueueQuery } from "./queue-query";
import { reviewerQueue } from "./queue.server";
import { requestChanges } from "./request-changes.server";
import { addInternalNote, assignApplication } from "./team.server";
import { reviewTeamView } from "./team-view.server";
import { markRead, unreadAmong, unreadCount } from "./unread.server";
import { createMessageTemplate, deleteMessageTemplate, listMessageTemplates, templatesForDossier, updateMessageTemplate } from "./message-templates.server";
import { TEMPLATE_MESSAGES } from "./message-templates";

async function submittedDossier() {
  const editor = await completeService();
  const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
  const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
  return { editor, applicationId, version };
}

const named = async (name: string) => ({ ...(await reviewer(name)), name });

async function everything(applicationId: string) {
  const [application, notes, events, mails] = await Promise.all([
    db().application.findUniqueOrThrow({ where: { id: applicationId } }),
    db().applicationNote.count({ where: { applicationId } }),
    db().event.count({ where: { subjectId: applicationId } }),
    db().outboxMessage.count(),
  ]);
  return { application, notes, events, mails };
}

describe("assignment", () => {
  it("mails the assignee alone about editor replies and resubmissions; unassigned, every reviewer", async () => {
    const { editor, applicationId, version } = await submittedDossier();
    const [alice, bob] = [await named("Alice Instructrice"), await named("Bob Instructeur")];

    // Unassigned: an editor message reaches every reviewer.
    await postMessage(editor.actor, { applicationId, side: "editor", body: "Une question." }, testRequest);
    expect((await outboxTo(alice.email)).map((m) => m.kind)).toContain("review.message");
    expect((await outboxTo(bob.email)).map((m) => m.kind)).toContain("review.message");

    // Alice takes it; Bob's page now shows her in charge.
    expect(await assignApplication(alice, { applicationId, assigneeId: alice.userId, expectedAssigneeId: "" }, testRequest)).toEqual({ changed: true, assigneeId: alice.userId });
    expect(await outboxTo(alice.email).then((m) => m.filter((x) => x.kind === "review.assigned"))).toHaveLength(0);
    const bobBefore = (await outboxTo(bob.email)).length;
    await postMessage(editor.actor, { applicationId, side: "editor", body: "Une autre question." }, testRequest);
    expect((await outboxTo(bob.email)).length).toBe(bobBefore);
    expect((await outboxTo(alice.email)).filter((m) => m.kind === "review.message")).toHaveLength(2);

    // Alice hands it to Bob, who is mailed; then the resubmission after changes reaches Bob alone.
    await assignApplication(alice, { applicationId, assigneeId: bob.userId, expectedAssigneeId: alice.userId }, testRequest);
    expect((await outboxTo(bob.email)).at(-1)).toMatchObject({ kind: "review.assigned", subject: "Dossier qui vous est attribué : Orientation Plus" });
    expect((await outboxTo(bob.email)).at(-1)!.text).toContain("Alice Instructrice vous a attribué le dossier");
    const { version: v2 } = await requestChanges(bob, { applicationId, version, message: "Ajoutez l'URL de production." }, testRequest);
    const aliceBefore = (await outboxTo(alice.email)).length;
    await submitApplication(editor.actor, { applicationId, version: v2 }, testRequest);
    expect((await outboxTo(alice.email)).length).toBe(aliceBefore);
    expect((await outboxTo(bob.email)).at(-1)).toMatchObject({ kind: "review.submitted", subject: "Dossier déposé à nouveau : Orientation Plus" });

    // A disabled assignee: every reviewer again.
    await db().user.update({ where: { id: bob.userId }, data: { status: "DISABLED" } });
    await postMessage(editor.actor, { applicationId, side: "editor", body: "Toujours là ?" }, testRequest);
    expect((await outboxTo(alice.email)).at(-1)!.kind).toBe("review.message");

    // The history of assignments, on the reviewer's page only.
    const view = await reviewTeamView(alice, applicationId);
    expect(view.assignee).toMatchObject({ id: bob.userId, name: "Bob Instructeur" });
    expect(view.assignments.map((a) => [a.byName, a.toName])).toEqual([
      ["Alice Instructrice", "Alice Instructrice"],
      ["Alice Instructrice", "Bob Instructeur"],
    ]);
    expect((await applicationTimeline(applicationId, null, "ans")).filter((e) => e.name === "review.assigned")).toHaveLength(2);
    expect((await applicationTimeline(applicationId, null)).filter((e) => e.name.startsWith("review."))).toHaveLength(0);
  });

  it("lets one of two reviewers taking a dossier at once win; the other is told who has it, nothing of theirs is applied", async () => {
    const { applicationId } = await submittedDossier();
    const [alice, bob] = [await named("Alice Instructrice"), await named("Bob Instructeur")];
    const results = await Promise.allSettled([
      assignApplication(alice, { applicationId, assigneeId: alice.userId, expectedAssigneeId: "" }, testRequest),
      assignApplication(bob, { applicationId, assigneeId: bob.userId, expectedAssigneeId: "" }, testRequest),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const winner = results[0]!.status === "fulfilled" ? "Alice Instructrice" : "Bob Instructeur";
    expect(loser.reason).toMatchObject({ code: "CONFLICT", message: `Le dossier a été attribué entre-temps à ${winner}. Rechargez la page pour voir qui en a la charge ; votre action n'a pas été appliquée.` });
    expect(await db().event.count({ where: { subjectId: applicationId, name: "review.assigned" } })).toBe(1);
  });

  it("refuses editors (403, before anything is read), a non-reviewer or disabled assignee, a draft, and writes nothing", async () => {
    const { editor, applicationId } = await submittedDossier();
    const alice = await named("Alice Instructrice");
    const before = await everything(applicationId);
    expect(await rejection(assignApplication(editor.actor, { applicationId, assigneeId: editor.userId, expectedAssigneeId: "" }, testRequest))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(addInternalNote(editor.actor, { applicationId, body: "Note de l'éditeur" }, testRequest))).toMatchObject({ code: "FORBIDDEN" });
    const disabled = await createPerson(["ANS_REVIEWER"]);
    await db().user.update({ where: { id: disabled.userId }, data: { status: "DISABLED" } });
    for (const assigneeId of [editor.userId, disabled.userId, "pas-un-identifiant", "00000000-0000-4000-8000-000000000000"]) {
      expect(await rejection(assignApplication(alice, { applicationId, assigneeId, expectedAssigneeId: "" }, testRequest))).toMatchObject({
        code: "VALIDATION",
        fieldErrors: { assigneeId: "Choisissez un instructeur ou un administrateur de l'ANS dont le compte est actif." },
      });
    }
    expect(await rejection(addInternalNote(alice, { applicationId, body: "  " }, testRequest))).toMatchObject({ fieldErrors: { body: "Écrivez la note." } });
    expect(await rejection(addInternalNote(alice, { applicationId, body: "<script>alert(1)</script>" }, testRequest))).toMatchObject({ code: "VALIDATION" });
    expect(await everything(applicationId)).toEqual(before);

    const draft = await completeService();
    const { applicationId: draftId } = await createDraft(draft.actor, { serviceId: draft.serviceId }, testRequest);
    expect(await rejection(assignApplication(alice, { applicationId: draftId, assigneeId: alice.userId }, testRequest))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(addInternalNote(alice, { applicationId: draftId, body: "x" }, testRequest))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("internal notes", () => {
  it("never reach the editor: not in their views of the dossier, its list, its timeline or any of their mail", async () => {
    const { editor, applicationId } = await submittedDossier();
    const [alice, bob] = [await named("Alice Instructrice"), await named("Bob Instructeur")];
    await assignApplication(bob, { applicationId, assigneeId: bob.userId, expectedAssigneeId: "" }, testRequest);
    const secret = `NOTE-CONFIDENTIELLE-${Date.now()}`;
    await addInternalNote(alice, { applicationId, body: `${secret} : l'éditeur semble pressé.` }, testRequest);

    // The reviewers read it; the assignee is told there is one, without its text.
    const view = await reviewTeamView(alice, applicationId);
    expect(view.notes).toEqual([expect.objectContaining({ authorName: "Alice Instructrice", body: `${secret} : l'éditeur semble pressé.` })]);
    const toBob = (await outboxTo(bob.email)).at(-1)!;
    expect(toBob).toMatchObject({ kind: "review.note" });
    expect(toBob.text).not.toContain(secret);
    expect(JSON.stringify(await applicationForReview(alice, applicationId))).toContain("Note interne ajoutée");

    const editorSees = JSON.stringify([
      await applicationForEditor(editor.actor, applicationId),
      await organizationApplications(editor.actor, editor.organizationId),
      await applicationTimeline(applicationId, null),
      await outboxTo(editor.email),
    ]);
    expect(editorSees).not.toContain(secret);
    expect(editorSees).not.toContain("Note interne");
    expect(editorSees).not.toContain("review.");
    // No mail at all carries it (the development mailbox shows every one).
    expect(await db().outboxMessage.count({ where: { OR: [{ text: { contains: secret } }, { subject: { contains: secret } }] } })).toBe(0);
    // Nor the event log: the note's event holds its id and length, not its text.
    expect(await db().event.count({ where: { name: "review.note_added", payload: { string_contains: secret } } })).toBe(0);
  });
});

describe("unread markers", () => {
  it("show what happened since each person last opened the dossier, on each side", async () => {
    const { editor, applicationId } = await submittedDossier();
    const [alice, bob] = [await named("Alice Instructrice"), await named("Bob Instructeur")];
    // New to every reviewer while nobody has taken it; the editor submitted it, so nothing is new to them.
    expect(await unreadAmong(alice, [applicationId])).toEqual(new Set([applicationId]));
    expect(await unreadAmong(editor.actor, [applicationId])).toEqual(new Set());
    expect(await unreadCount(editor.actor)).toBe(0);

    await markRead(alice.userId, applicationId);
    expect(await unreadAmong(alice, [applicationId])).toEqual(new Set());
    // Alice takes it: to Bob it is no longer his business; to Alice nothing new (her own act); to the editor, nothing.
    await assignApplication(alice, { applicationId, assigneeId: alice.userId, expectedAssigneeId: "" }, testRequest);
    expect(await unreadAmong(bob, [applicationId])).toEqual(new Set());
    expect(await unreadAmong(alice, [applicationId])).toEqual(new Set());
    await addInternalNote(bob, { applicationId, body: "Vu au comité." }, testRequest);
    expect(await unreadAmong(alice, [applicationId])).toEqual(new Set([applicationId]));
    expect(await unreadCount(editor.actor)).toBe(0);

    // A reviewer's message is new to the editor (the list and the navigation's count) until they open the dossier.
    await postMessage(alice, { applicationId, side: "reviewer", body: "Pouvez-vous préciser ?" }, testRequest);
    expect(await unreadAmong(editor.actor, [applicationId])).toEqual(new Set([applicationId]));
    expect(await unreadCount(editor.actor)).toBe(1);
    expect(await unreadAmong(alice, [applicationId])).toEqual(new Set()); // her message read the note's news too
    await markRead(editor.userId, applicationId);
    expect(await unreadCount(editor.actor)).toBe(0);

    // The queue marks the rows, and filters on whose dossiers they are.
    await postMessage(editor.actor, { applicationId, side: "editor", body: "Voici la précision." }, testRequest);
    const mine = await reviewerQueue(alice, parseQueueQuery({ attribution: "mes-dossiers", statut: "tous" }));
    expect(mine.rows.map((r) => [r.id, r.assigneeName, r.unread])).toEqual([[applicationId, "Alice Instructrice", true]]);
    const unassigned = await reviewerQueue(alice, parseQueueQuery({ attribution: "non-attribues", statut: "tous" }));
    expect(unassigned.rows.map((r) => r.id)).not.toContain(applicationId);
    expect((await reviewerQueue(bob, parseQueueQuery({ attribution: "mes-dossiers", statut: "tous" }))).rows).toEqual([]);
  });
});

describe("message templates", () => {
  it("are managed by administrators only, refused with markup or an unknown placeholder, and filled in for a dossier", async () => {
    const admin = { ...(await createPerson(["ANS_ADMIN"], "Adèle Admin")), name: "Adèle Admin" };
    const alice = await named("Alice Instructrice");
    const { editor, applicationId } = await submittedDossier();
    const count = () => db().messageTemplate.count();
    expect(await rejection(createMessageTemplate(alice, { title: "T", body: "B" }, testRequest))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(createMessageTemplate(editor.actor, { title: "T", body: "B" }, testRequest))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(createMessageTemplate(admin, { title: "Relance", body: "<b>Bonjour</b>" }, testRequest))).toMatchObject({ fieldErrors: { body: TEMPLATE_MESSAGES.markup } });
    expect(await rejection(createMessageTemplate(admin, { title: "Relance", body: "Bonjour {prenom}" }, testRequest))).toMatchObject({
      fieldErrors: { body: expect.stringMatching(/^Variable inconnue : \{prenom\}\./) },
    });
    expect(await count()).toBe(0);

    const { id } = await createMessageTemplate(admin, { title: "Pièce manquante", body: "Bonjour,\nPour le service « {service} » de {organisation}, merci d'ajouter l'URL de production.\n{instructeur}" }, testRequest);
    expect(await rejection(createMessageTemplate(admin, { title: "Pièce manquante", body: "Autre" }, testRequest))).toMatchObject({ fieldErrors: { title: TEMPLATE_MESSAGES.titleTaken } });
    expect(await updateMessageTemplate(admin, { id, version: 1, title: "Pièce manquante", body: "Bonjour,\nPour « {service} », merci d'ajouter l'URL de production.\n{instructeur}" }, testRequest)).toEqual({ version: 2 });
    expect(await rejection(updateMessageTemplate(admin, { id, version: 1, title: "X", body: "Y" }, testRequest))).toMatchObject({ code: "CONFLICT" });
    expect((await listMessageTemplates(alice)).map((t) => t.title)).toEqual(["Pièce manquante"]);
    expect(await rejection(listMessageTemplates(editor.actor))).toMatchObject({ code: "FORBIDDEN" });

    const filled = await templatesForDossier(alice, { serviceName: "Orientation Plus", organizationName: "Éditeur Test SAS", organizationSiret: "90123456700013", requestedProfile: "0 — Données publiques" });
    expect(filled).toEqual([{ id, title: "Pièce manquante", text: "Bonjour,\nPour « Orientation Plus », merci d'ajouter l'URL de production.\nAlice Instructrice" }]);
    expect((await reviewTeamView(alice, applicationId)).templates[0]!.text).toContain("Pour « Orientation Plus »");

    await deleteMessageTemplate(admin, { id, version: 2 }, testRequest);
    expect(await count()).toBe(0);
    expect((await db().event.findMany({ where: { subjectId: id }, orderBy: { occurredAt: "asc" } })).map((e) => e.name)).toEqual([
      "message_template.created",
      "message_template.updated",
      "message_template.deleted",
    ]);
  });
});
