import { mailText, type MailText } from "../mail/text";

// Pure: the mails of a join request (issue 22). The legal representatives learn who asks; the requester learns the
// answer, never who gave it.

export const joinRequestMails = {
  received: (c: { organizationName: string; requesterName: string; link: string }): MailText =>
    mailText("join_request.received", `Demande de rattachement à ${c.organizationName}`, [
      "Bonjour,",
      "",
      `${c.requesterName} demande à rejoindre l'organisation « ${c.organizationName} » sur le portail d'adhésion au ROR. En tant que représentant légal, acceptez ou refusez sa demande depuis la page de l'organisation :`,
      c.link,
      "",
      "Si vous ne connaissez pas cette personne, refusez la demande. Si quelqu'un d'autre que vous détient à tort l'organisation, l'ANS peut être saisie.",
    ]),
  accepted: (c: { organizationName: string; link: string }): MailText =>
    mailText("join_request.accepted", `Demande de rattachement acceptée : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `Votre demande de rattachement à l'organisation « ${c.organizationName} » est acceptée : vous en êtes désormais membre.`,
      c.link,
    ]),
  refused: (c: { organizationName: string; link: string }): MailText =>
    mailText("join_request.refused", `Demande de rattachement refusée : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `Votre demande de rattachement à l'organisation « ${c.organizationName} » a été refusée par ses représentants légaux.`,
      "Si vous êtes le représentant légal de cette société et pensez qu'elle est détenue à tort sur le portail, écrivez à l'ANS en joignant un extrait Kbis de moins de trois mois.",
      c.link,
    ]),
} as const;
