import { describe, expect, it } from "vitest";
import { mailMessage } from "../mail/message";
import { enrolmentMails } from "./mail-texts";

const context = { serviceName: "Orientation Plus", organizationName: "Santé Numérique SAS", link: "https://portail.exemple.fr/editeur/dossiers/1" };

describe("the enrolment's e-mails", () => {
  it("are valid plain-text messages with the link, and never carry the reason", () => {
    for (const change of ["suspend", "reinstate", "revoke"] as const) {
      const text = enrolmentMails[change](context);
      expect(mailMessage.safeParse({ to: "a@exemple.fr", ...text }).success).toBe(true);
      expect(text.text).toContain(context.link);
    }
    expect(enrolmentMails.suspend(context).subject).toBe("Habilitation suspendue : Orientation Plus");
    expect(enrolmentMails.revoke(context).text).toContain("définitive");
  });
});
