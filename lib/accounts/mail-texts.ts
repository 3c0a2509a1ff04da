import { mailText, type MailText } from "../mail/text";
import { formatDateTime } from "../time";

// Pure: the e-mails about an account. A link in them grants something (confirms an address, sets a password): each
// goes only to the address it is about. None says more about an account than its owner already knows.

const IGNORE = "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne changera.";
const NOT_YOU = "Si vous n'êtes pas à l'origine de ce changement, réinitialisez votre mot de passe sans attendre et prévenez l'ANS.";

export function verificationMail(input: { name: string; link: string; expiresAt: Date }): MailText {
  return mailText("account.verify_email", "Confirmez votre adresse e-mail sur le portail d'adhésion au ROR", [
    `Bonjour ${input.name},`,
    "",
    "Pour activer votre compte sur le portail d'adhésion à l'espace de confiance du ROR, confirmez votre adresse e-mail en ouvrant ce lien :",
    input.link,
    "",
    `Ce lien ne sert qu'une fois et expire le ${formatDateTime(input.expiresAt)}.`,
    "Si vous n'avez pas créé de compte, ignorez ce message : le compte ne sera pas activé.",
  ]);
}

/** Someone signed up with an address that has an account: its owner is told, and nobody else learns it. */
export function alreadyRegisteredMail(input: { name: string; signInLink: string; recoveryLink: string }): MailText {
  return mailText("account.already_registered", "Vous avez déjà un compte sur le portail d'adhésion au ROR", [
    `Bonjour ${input.name},`,
    "",
    "Quelqu'un, peut-être vous, a voulu créer un compte avec cette adresse e-mail sur le portail d'adhésion à l'espace de confiance du ROR.",
    "Vous avez déjà un compte : connectez-vous ou réinitialisez votre mot de passe.",
    "",
    `Se connecter : ${input.signInLink}`,
    `Mot de passe oublié : ${input.recoveryLink}`,
    "",
    "Aucun nouveau compte n'a été créé. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
  ]);
}

export function passwordResetMail(input: { name: string; link: string; expiresAt: Date }): MailText {
  return mailText("account.password_reset", "Réinitialisation de votre mot de passe sur le portail d'adhésion au ROR", [
    `Bonjour ${input.name},`,
    "",
    "Une réinitialisation du mot de passe de votre compte a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien :",
    input.link,
    "",
    `Ce lien ne sert qu'une fois et expire le ${formatDateTime(input.expiresAt)}.`,
    "Choisir un nouveau mot de passe fermera toutes les sessions ouvertes avec votre compte.",
    IGNORE,
  ]);
}

export type PasswordChangeWay = "recovery" | "account_page" | "first_sign_in";

export function passwordChangedMail(input: { name: string; at: Date; way: PasswordChangeWay; recoveryLink: string }): MailText {
  const how = {
    recovery: "depuis un lien de réinitialisation. Toutes les sessions ouvertes avec votre compte ont été fermées.",
    account_page: "depuis la page « Mon compte ». Vos autres sessions ont été fermées.",
    first_sign_in: "à votre première connexion, en remplacement du mot de passe à usage unique.",
  }[input.way];
  return mailText("account.password_changed", "Votre mot de passe a été modifié", [
    `Bonjour ${input.name},`,
    "",
    `Le mot de passe de votre compte sur le portail d'adhésion au ROR a été modifié le ${formatDateTime(input.at)}, ${how}`,
    "",
    NOT_YOU,
    `Mot de passe oublié : ${input.recoveryLink}`,
  ]);
}

export function emailChangeMail(input: { name: string; link: string; expiresAt: Date }): MailText {
  return mailText("account.change_email", "Confirmez votre nouvelle adresse e-mail sur le portail d'adhésion au ROR", [
    `Bonjour ${input.name},`,
    "",
    "Vous avez demandé à utiliser cette adresse pour votre compte sur le portail d'adhésion à l'espace de confiance du ROR. Pour confirmer, ouvrez ce lien :",
    input.link,
    "",
    `Ce lien ne sert qu'une fois et expire le ${formatDateTime(input.expiresAt)}. Tant qu'il n'est pas ouvert, votre adresse actuelle reste en vigueur.`,
    IGNORE,
  ]);
}

/** An e-mail change was asked towards an address that has an account: its owner is told; the requester learns nothing. */
export function addressInUseMail(input: { name: string }): MailText {
  return mailText("account.address_in_use", "Votre adresse e-mail a été proposée pour un autre compte", [
    `Bonjour ${input.name},`,
    "",
    "Quelqu'un a demandé à utiliser votre adresse e-mail pour un autre compte du portail d'adhésion à l'espace de confiance du ROR.",
    "Votre adresse sert déjà à votre compte : rien n'a changé, et votre compte reste le seul à l'utiliser.",
    IGNORE,
  ]);
}

/** To the former address, once the new one is confirmed. */
export function emailChangedMail(input: { name: string; newEmail: string; at: Date }): MailText {
  return mailText("account.email_changed", "L'adresse e-mail de votre compte a été modifiée", [
    `Bonjour ${input.name},`,
    "",
    `Depuis le ${formatDateTime(input.at)}, votre compte sur le portail d'adhésion au ROR utilise l'adresse ${input.newEmail}. Cette adresse-ci ne sert plus à vous connecter.`,
    "",
    "Si vous n'êtes pas à l'origine de ce changement, prévenez l'ANS sans attendre.",
  ]);
}

export function accountDisabledMail(input: { name: string; reason: string }): MailText {
  return mailText("account.disabled", "Votre compte sur le portail d'adhésion au ROR a été désactivé", [
    `Bonjour ${input.name},`,
    "",
    "Un administrateur de l'ANS a désactivé votre compte sur le portail d'adhésion à l'espace de confiance du ROR. Vos sessions ont été fermées et vous ne pouvez plus vous connecter.",
    "",
    `Motif : ${input.reason}`,
    "",
    "Pour toute question, répondez à l'ANS par les moyens de contact habituels.",
  ]);
}

export function accountEnabledMail(input: { name: string; reason: string; signInLink: string }): MailText {
  return mailText("account.enabled", "Votre compte sur le portail d'adhésion au ROR a été réactivé", [
    `Bonjour ${input.name},`,
    "",
    "Un administrateur de l'ANS a réactivé votre compte sur le portail d'adhésion à l'espace de confiance du ROR : vous pouvez de nouveau vous connecter.",
    "",
    `Motif : ${input.reason}`,
    "",
    `Connexion : ${input.signInLink}`,
  ]);
}
