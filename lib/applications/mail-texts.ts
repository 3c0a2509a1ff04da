import { mailText } from "../mail/text";
import { diffSummary, type SnapshotChange } from "./snapshot-diff";

// Pure: the plain-text e-mails of the review. Editors get a mail on every transition and every reviewer message;
// reviewers on every submission and every editor message. A mail never quotes the message itself (it may be
// sensitive): it says there is one and links to the portal, where the person signs in to read it.

export type ApplicationMailContext = {
  serviceName: string;
  organizationName: string;
  /** Absolute link to the application page of the recipient's side. */
  link: string;
};

const mail = mailText;

export const editorMails = {
  submitted: (c: ApplicationMailContext, number: number) =>
    mail("application.submitted", `Dossier déposé : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `Le dossier d'adhésion du service « ${c.serviceName} » (${c.organizationName}) a été déposé${number > 1 ? ` à nouveau (dépôt n° ${number})` : ""}.`,
      `Un instructeur de l'ANS va l'examiner. Vous pouvez suivre son avancement ici :`,
      c.link,
    ]),
  withdrawn: (c: ApplicationMailContext) =>
    mail("application.withdrawn", `Dossier retiré : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `Le dossier du service « ${c.serviceName} » (${c.organizationName}) a été retiré. Il ne sera pas instruit.`,
      c.link,
    ]),
  changesRequested: (c: ApplicationMailContext) =>
    mail("application.changes_requested", `Modifications demandées : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `L'instructeur de l'ANS demande des modifications au dossier du service « ${c.serviceName} » (${c.organizationName}).`,
      `Connectez-vous pour lire sa demande, compléter le dossier puis le déposer à nouveau :`,
      c.link,
    ]),
  approved: (c: ApplicationMailContext, profileLabel: string) =>
    mail("application.approved", `Dossier approuvé : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `Le dossier du service « ${c.serviceName} » (${c.organizationName}) est approuvé.`,
      `Profil d'accès accordé : ${profileLabel}.`,
      `Le détail de l'habilitation (URL, certificats, quotas) est sur le portail :`,
      c.link,
    ]),
  refused: (c: ApplicationMailContext) =>
    mail("application.refused", `Dossier refusé : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `Le dossier du service « ${c.serviceName} » (${c.organizationName}) est refusé. Le motif est indiqué sur le portail :`,
      c.link,
    ]),
  message: (c: ApplicationMailContext) =>
    mail("application.message", `Nouveau message de l'ANS : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `Un instructeur de l'ANS a écrit au sujet du dossier du service « ${c.serviceName} » (${c.organizationName}).`,
      `Connectez-vous pour lire le message et y répondre :`,
      c.link,
    ]),
};

export const reviewerMails = {
  submitted: (c: ApplicationMailContext, number: number, changes: readonly SnapshotChange[] | null, kindLabel: string) =>
    mail("review.submitted", `${number > 1 ? "Dossier déposé à nouveau" : "Nouveau dossier à instruire"} : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `${c.organizationName} a déposé le dossier du service « ${c.serviceName} » (${kindLabel.toLowerCase()}, dépôt n° ${number}).`,
      ...(changes ? [diffSummary(changes)] : []),
      `Pour l'instruire :`,
      c.link,
    ]),
  message: (c: ApplicationMailContext) =>
    mail("review.message", `Réponse de l'éditeur : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `${c.organizationName} a écrit au sujet du dossier du service « ${c.serviceName} ».`,
      `Pour lire le message :`,
      c.link,
    ]),
};
