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

export type MailText = { subject: string; text: string; kind: string };

const signature = "\n\n— Portail de l'espace de confiance du ROR";

/** A subject is one line of at most 200 characters (names typed by editors could break either rule). */
function oneLine(subject: string): string {
  const flat = subject.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length <= 200 ? flat : `${flat.slice(0, 199)}…`;
}

function mail(kind: string, subject: string, lines: string[]): MailText {
  return { kind, subject: oneLine(subject), text: lines.join("\n") + signature };
}

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
  suspended: (c: ApplicationMailContext) =>
    mail("enrolment.suspended", `Habilitation suspendue : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `L'ANS a suspendu l'habilitation du service « ${c.serviceName} » (${c.organizationName}). Ses appels aux API du ROR sont refusés jusqu'à son rétablissement.`,
      `Le motif est indiqué sur le portail :`,
      c.link,
    ]),
  reinstated: (c: ApplicationMailContext) =>
    mail("enrolment.reinstated", `Habilitation rétablie : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `L'ANS a rétabli l'habilitation du service « ${c.serviceName} » (${c.organizationName}).`,
      c.link,
    ]),
  revoked: (c: ApplicationMailContext) =>
    mail("enrolment.revoked", `Habilitation révoquée : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `L'ANS a révoqué l'habilitation du service « ${c.serviceName} » (${c.organizationName}). Cette décision est définitive ; le motif est indiqué sur le portail :`,
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
