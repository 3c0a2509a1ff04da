import { mailText, type MailText } from "../mail/text";

// Pure: what the editor's members are told when a reviewer changes their enrolment. The reason is on the portal,
// never in the mail.

export type EnrolmentMailContext = {
  serviceName: string;
  organizationName: string;
  /** Absolute link to the editor's page of the dossier that granted the enrolment. */
  link: string;
};

export const enrolmentMails = {
  suspend: (c: EnrolmentMailContext): MailText =>
    mailText("enrolment.suspended", `Habilitation suspendue : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `L'ANS a suspendu l'habilitation du service « ${c.serviceName} » (${c.organizationName}). Ses appels aux API du ROR sont refusés jusqu'à son rétablissement.`,
      `Le motif est indiqué sur le portail :`,
      c.link,
    ]),
  reinstate: (c: EnrolmentMailContext): MailText =>
    mailText("enrolment.reinstated", `Habilitation rétablie : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `L'ANS a rétabli l'habilitation du service « ${c.serviceName} » (${c.organizationName}).`,
      c.link,
    ]),
  revoke: (c: EnrolmentMailContext): MailText =>
    mailText("enrolment.revoked", `Habilitation révoquée : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `L'ANS a révoqué l'habilitation du service « ${c.serviceName} » (${c.organizationName}). Cette décision est définitive ; le motif est indiqué sur le portail :`,
      c.link,
    ]),
};
