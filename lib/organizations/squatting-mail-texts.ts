import { mailText, type MailText } from "../mail/text";

// Pure: the mails of ANS's resolution of squatting (ADR 0057). The requester never learns who held the organisation;
// the people removed learn that ANS decided, the reason being on the portal's journal, not in the mail.

type Context = { organizationName: string; link: string };

export const squattingMails = {
  escalatedToRequester: (c: Context & { cause: "unanswered" | "claim" }): MailText =>
    mailText("join_request.escalated", `Demande de rattachement transmise à l'ANS : ${c.organizationName}`, [
      "Bonjour,",
      "",
      c.cause === "unanswered"
        ? `Votre demande de rattachement à l'organisation « ${c.organizationName} » est restée sans réponse pendant 15 jours : elle est transmise à l'ANS.`
        : `Votre demande de rattachement à l'organisation « ${c.organizationName} » est transmise à l'ANS, comme vous l'avez demandé.`,
      "Si vous êtes le représentant légal de cette société, l'ANS peut vous demander un extrait Kbis ou un avis de situation INSEE de moins de trois mois. Vous serez informé de sa décision.",
      c.link,
    ]),
  escalatedToHolders: (c: Context): MailText =>
    mailText("join_request.escalated", `Demande de rattachement transmise à l'ANS : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `Une demande de rattachement à l'organisation « ${c.organizationName} » est transmise à l'ANS, qui vérifiera qui en est le représentant légal. Vous pouvez encore y répondre depuis la page de l'organisation :`,
      c.link,
    ]),
  transferredToRequester: (c: Context): MailText =>
    mailText("join_request.transferred", `Organisation transférée : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `L'ANS vous a transféré l'organisation « ${c.organizationName} » : vous en êtes désormais le représentant légal. Déposez l'extrait du registre depuis la page de l'organisation pour que l'ANS la vérifie :`,
      c.link,
    ]),
  transferredToMembers: (c: Context): MailText =>
    mailText("join_request.transferred", `Changement de représentant légal : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `Après vérification, l'ANS a désigné un nouveau représentant légal de l'organisation « ${c.organizationName} ». L'organisation attend de nouveau sa vérification.`,
      c.link,
    ]),
  removed: (c: Context): MailText =>
    mailText("membership.removed_by_ans", `Retrait de l'organisation ${c.organizationName}`, [
      "Bonjour,",
      "",
      `L'ANS vous a retiré de l'organisation « ${c.organizationName} » sur le portail d'adhésion au ROR, après avoir vérifié qui en est le représentant légal. Si vous pensez qu'il s'agit d'une erreur, écrivez à l'ANS.`,
      c.link,
    ]),
  refusedToRequester: (c: Context): MailText =>
    mailText("join_request.organization_refused", `Décision de l'ANS : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `L'ANS a examiné votre demande concernant l'organisation « ${c.organizationName} » et a refusé l'organisation inscrite sous ce SIRET. Pour toute suite, écrivez à l'ANS.`,
      c.link,
    ]),
} as const;
