import { describe, expect, it } from "vitest";
import { charterVersionMail } from "../catalogue/charter-mail";
import { mailMessage } from "../mail/message";
import { invitationMail } from "./mail-texts";

describe("the organisation's e-mails", () => {
  it("are valid plain-text messages that carry their link", () => {
    const invitation = invitationMail({
      organizationName: "Éditeur\r\nLumière SAS",
      inviterName: "Éloi",
      roleLabel: "Représentant légal",
      link: "https://portail.exemple.fr/invitation/abc",
      expiresAt: new Date("2026-12-08T10:00:00Z"),
    });
    expect(invitation.subject).toBe("Invitation à rejoindre Éditeur Lumière SAS sur le portail d'adhésion au ROR");
    expect(invitation.text).toContain("en tant que représentant légal.");
    expect(invitation.text).toContain("expire le 8 décembre 2026");
    const charter = charterVersionMail({ name: "Rémi", organizations: ["A", "B"], version: "0.2", title: "Charte", link: "https://p/editeur/charte" });
    expect(charter.text).toContain("pour chacune de vos organisations (A, B)");
    for (const [text, link] of [[invitation, "https://portail.exemple.fr/invitation/abc"], [charter, "https://p/editeur/charte"]] as const) {
      expect(mailMessage.safeParse({ to: "a@exemple.fr", ...text }).success).toBe(true);
      expect(text.text).toContain(link);
    }
  });
});
