import type { ApplicationMailContext } from "../applications/mail-texts";
import { mailText } from "../mail/text";

// Pure: the e-mails between ANS staff about a dossier (ADR 0035). Never sent to an editor, and, like every mail of
// the review, never quoting a note: they say there is one and link to the dossier.

export const teamMails = {
  assigned: (c: ApplicationMailContext, byName: string) =>
    mailText("review.assigned", `Dossier qui vous est attribué : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `${byName} vous a attribué le dossier du service « ${c.serviceName} » (${c.organizationName}).`,
      `Vous recevrez désormais seul les réponses de l'éditeur et ses nouveaux dépôts. Pour l'instruire :`,
      c.link,
    ]),
  note: (c: ApplicationMailContext, byName: string) =>
    mailText("review.note", `Note interne sur un dossier qui vous est attribué : ${c.serviceName}`, [
      `Bonjour,`,
      ``,
      `${byName} a ajouté une note interne au dossier du service « ${c.serviceName} » (${c.organizationName}).`,
      `Les notes internes ne sont visibles que par l'ANS. Pour la lire :`,
      c.link,
    ]),
};
