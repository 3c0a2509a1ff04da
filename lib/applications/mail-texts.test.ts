import { describe, expect, it } from "vitest";
import { mailMessage } from "../mail/message";
import { editorMails, reviewerMails } from "./mail-texts";

const context = { serviceName: "Orientation Plus", organizationName: "Santé Numérique SAS", link: "https://portail.exemple.fr/editeur/dossiers/1" };

describe("the review's e-mails", () => {
  it("are valid plain-text messages with the link, for every event", () => {
    const all = [
      editorMails.submitted(context, 1),
      editorMails.submitted(context, 3),
      editorMails.withdrawn(context),
      editorMails.changesRequested(context),
      editorMails.approved(context, "Profil 2 — données restreintes"),
      editorMails.refused(context),
      editorMails.message(context),
      reviewerMails.submitted(context, 1, null, "Première demande"),
      reviewerMails.message(context),
    ];
    for (const text of all) {
      expect(mailMessage.safeParse({ to: "a@exemple.fr", ...text }).success).toBe(true);
      expect(text.text).toContain(context.link);
    }
    expect(editorMails.submitted(context, 3).text).toContain("déposé à nouveau (dépôt n° 3)");
    expect(editorMails.approved(context, "Profil 2").text).toContain("Profil d'accès accordé : Profil 2.");
  });

  it("tell reviewers how much changed since the previous submission", () => {
    const changes = [{ section: "URL", field: "URL de test", kind: "added" as const, before: null, after: "https://a.fr" }];
    expect(reviewerMails.submitted(context, 2, changes, "Demande de modification").text).toContain("1 modification depuis le dépôt précédent.");
    expect(reviewerMails.submitted(context, 2, changes, "Demande de modification").subject).toBe("Dossier déposé à nouveau : Orientation Plus");
  });

  it("keep subjects on one line of at most 200 characters, whatever the names", () => {
    const odd = { ...context, serviceName: `Nom\r\navec saut ${"x".repeat(300)}` };
    const { subject } = editorMails.refused(odd);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject.length).toBeLessThanOrEqual(200);
    expect(mailMessage.safeParse({ to: "a@exemple.fr", ...editorMails.refused(odd) }).success).toBe(true);
  });
});
