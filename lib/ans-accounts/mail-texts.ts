import { mailText, type MailText } from "../mail/text";

// Pure: the e-mail a new ANS account receives. It never carries the one-time password, handed over another way.

export function ansAccountCreatedMail(input: { name: string; signInLink: string }): MailText {
  return {
    kind: "ans_account.created",
    subject: "Votre compte d'instructeur sur le portail d'adhésion ROR",
    text: [
      `Bonjour ${input.name},`,
      "",
      "Un administrateur de l'ANS vous a créé un compte d'instructeur sur le portail d'adhésion à l'espace de confiance du ROR.",
      "Il vous remettra votre mot de passe à usage unique par un autre canal ; ce courriel ne le contient pas. À votre première connexion, vous choisirez votre propre mot de passe.",
      "",
      `Connexion : ${input.signInLink}`,
    ].join("\n"),
  };
}

export function ansPasswordResetMail(input: { name: string; signInLink: string }): MailText {
  return mailText("ans_account.password_reset", "Le mot de passe de votre compte d'instructeur a été réinitialisé", [
    `Bonjour ${input.name},`,
    "",
    "Un administrateur de l'ANS a réinitialisé le mot de passe de votre compte sur le portail d'adhésion à l'espace de confiance du ROR. Vos sessions ont été fermées.",
    "Il vous remettra un mot de passe à usage unique par un autre canal ; ce courriel ne le contient pas. À votre prochaine connexion, vous choisirez votre propre mot de passe.",
    "",
    `Connexion : ${input.signInLink}`,
  ]);
}

export function secondFactorsResetMail(input: { name: string; reason: string; signInLink: string }): MailText {
  return mailText("user.second_factors_reset", "Les seconds facteurs de votre compte ont été réinitialisés", [
    `Bonjour ${input.name},`,
    "",
    "Un administrateur de l'ANS a réinitialisé les seconds facteurs de votre compte sur le portail d'adhésion à l'espace de confiance du ROR (application d'authentification et codes de secours). Vos sessions ont été fermées.",
    `Motif : ${input.reason}`,
    "À votre prochaine connexion, vous activerez à nouveau une application d'authentification. Si vous n'êtes pas à l'origine de cette demande, prévenez l'ANS.",
    "",
    `Connexion : ${input.signInLink}`,
  ]);
}
