import { describe, expect, it } from "vitest";
import { mailMessage } from "../mail/message";
import { ansAccountCreatedMail } from "./mail-texts";

describe("the ANS account e-mail", () => {
  it("is a valid plain-text message with the sign-in link and never the password", () => {
    const account = ansAccountCreatedMail({ name: "Inès", signInLink: "https://p/connexion" });
    expect(mailMessage.safeParse({ to: "a@exemple.fr", ...account }).success).toBe(true);
    expect(account.text).toContain("https://p/connexion");
    expect(account.text).not.toMatch(/mot de passe :/i);
  });
});
