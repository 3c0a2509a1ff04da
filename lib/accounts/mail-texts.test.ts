import { describe, expect, it } from "vitest";
import { ansPasswordResetMail } from "../ans-accounts/mail-texts";
import { mailMessage } from "../mail/message";
import {
  accountDisabledMail,
  accountEnabledMail,
  addressInUseMail,
  alreadyRegisteredMail,
  emailChangedMail,
  emailChangeMail,
  passwordChangedMail,
  passwordResetMail,
  verificationMail,
} from "./mail-texts";

const at = new Date("2026-12-03T09:30:00Z");

describe("the account e-mails", () => {
  it("are valid plain-text messages, dated in Paris time, with their link", () => {
    const texts = [
      [verificationMail({ name: "Vera", link: "https://p/confirmation-adresse/abc", expiresAt: at }), "https://p/confirmation-adresse/abc"],
      [passwordResetMail({ name: "Olga", link: "https://p/mot-de-passe-oublie/abc", expiresAt: at }), "https://p/mot-de-passe-oublie/abc"],
      [emailChangeMail({ name: "Marius", link: "https://p/confirmation-adresse/def", expiresAt: at }), "https://p/confirmation-adresse/def"],
      [alreadyRegisteredMail({ name: "Alice", signInLink: "https://p/connexion", recoveryLink: "https://p/mot-de-passe-oublie" }), "https://p/mot-de-passe-oublie"],
      [passwordChangedMail({ name: "Olga", at, way: "recovery", recoveryLink: "https://p/mot-de-passe-oublie" }), "https://p/mot-de-passe-oublie"],
      [accountEnabledMail({ name: "Denise", reason: "Régularisé", signInLink: "https://p/connexion" }), "https://p/connexion"],
      [ansPasswordResetMail({ name: "Prune", signInLink: "https://p/connexion" }), "https://p/connexion"],
    ] as const;
    for (const [mail, link] of texts) {
      expect(mailMessage.safeParse({ to: "a@exemple.fr", ...mail }).success).toBe(true);
      expect(mail.text).toContain(link);
    }
    expect(texts[0][0].text).toContain("expire le 3 décembre 2026 à 10:30");
    expect(alreadyRegisteredMail({ name: "Alice", signInLink: "x", recoveryLink: "y" }).text).toContain("Vous avez déjà un compte : connectez-vous ou réinitialisez votre mot de passe.");
  });

  it("tell the owner what happened and why, without a link that grants anything when none is meant", () => {
    expect(accountDisabledMail({ name: "Denise", reason: "Usage contraire à la charte" }).text).toContain("Motif : Usage contraire à la charte");
    expect(emailChangedMail({ name: "Marius", newEmail: "nouvelle@exemple.fr", at }).text).toContain("utilise l'adresse nouvelle@exemple.fr");
    for (const mail of [addressInUseMail({ name: "Bob" }), emailChangedMail({ name: "Marius", newEmail: "n@exemple.fr", at }), accountDisabledMail({ name: "D", reason: "r" })]) {
      expect(mail.text).not.toMatch(/https?:\/\//);
    }
    expect(passwordChangedMail({ name: "I", at, way: "first_sign_in", recoveryLink: "y" }).text).toContain("en remplacement du mot de passe à usage unique");
    expect(passwordChangedMail({ name: "I", at, way: "account_page", recoveryLink: "y" }).text).toContain("Vos autres sessions ont été fermées.");
  });
});
