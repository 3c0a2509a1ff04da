import type { MailText } from "../mail/text";

// Pure: the e-mail a new ANS account receives. It never carries the one-time password, handed over another way.

export function ansAccountCreatedMail(input: { name: string; signInLink: string }): MailText {
  return {
    kind: "ans_account.created",
    subject: "Votre compte d'instructeur sur le portail d'adhésion ROR",
    text: [
      `Bonjour ${input.name},`,
      "",
      "Un administrateur de l'ANS vous a créé un compte d'instructeur sur le portail d'adhésion à l'espace de confiance du ROR.",
      "Il vous remettra votre mot de passe à usage unique par un autre canal ; ce courriel ne le contient pas.",
      "",
      `Connexion : ${input.signInLink}`,
    ].join("\n"),
  };
}
