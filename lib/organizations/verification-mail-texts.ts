import { mailText, type MailText } from "../mail/text";

// Pure: what an organisation's people are told of ANS's verification and of a suspension (issue 22). The reason of a
// refusal or suspension is on the portal, never in the mail (a mail is forwarded, a page asks who reads it).

export type OrganizationMailContext = {
  organizationName: string;
  /** Absolute link to the organisation page (or the page a suspended organisation's people see). */
  link: string;
};

export const organizationStatusMails = {
  verified: (c: OrganizationMailContext): MailText =>
    mailText("organization.verified", `Organisation vérifiée : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `L'ANS a vérifié l'organisation « ${c.organizationName} » et son représentant légal. Vous pouvez désormais déposer vos dossiers d'adhésion.`,
      c.link,
    ]),
  refused: (c: OrganizationMailContext): MailText =>
    mailText("organization.refused", `Vérification refusée : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `L'ANS n'a pas pu vérifier l'organisation « ${c.organizationName} » à partir des justificatifs déposés. Le motif est indiqué sur le portail, où vous pouvez déposer un nouvel extrait du registre :`,
      c.link,
    ]),
  suspended: (c: OrganizationMailContext): MailText =>
    mailText("organization.suspended", `Organisation suspendue : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `L'ANS a suspendu l'organisation « ${c.organizationName} ». Les habilitations de ses services ne sont plus appliquées par la passerelle du ROR et ses membres ne peuvent plus agir sur le portail jusqu'à son rétablissement.`,
      "Le motif est indiqué sur le portail, après connexion :",
      c.link,
    ]),
  reinstated: (c: OrganizationMailContext): MailText =>
    mailText("organization.reinstated", `Organisation rétablie : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `L'ANS a rétabli l'organisation « ${c.organizationName} ». Les habilitations en vigueur avant la suspension sont de nouveau appliquées par la passerelle du ROR.`,
      c.link,
    ]),
  verificationNeeded: (c: OrganizationMailContext & { what: string }): MailText =>
    mailText("organization.verification_needed", `Vérification à refaire : ${c.organizationName}`, [
      "Bonjour,",
      "",
      `${c.what} : l'ANS doit de nouveau vérifier l'organisation « ${c.organizationName} ». Les habilitations en vigueur le restent ; les nouveaux dossiers attendront la vérification.`,
      "Déposez un extrait du registre à jour (et, si besoin, une délégation de pouvoir) :",
      c.link,
    ]),
} as const;
