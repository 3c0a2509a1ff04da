import { oneLine, type MailText } from "../mail/text";
import { formatDate } from "../time";

// Pure: the e-mails of an organisation's people. The invitation's link grants access: it goes to its recipient only.

export function invitationMail(input: { organizationName: string; inviterName: string; roleLabel: string; link: string; expiresAt: Date }): MailText {
  return {
    kind: "invitation",
    subject: oneLine(`Invitation à rejoindre ${input.organizationName} sur le portail d'adhésion au ROR`),
    text: [
      "Bonjour,",
      "",
      `${input.inviterName} vous invite à rejoindre l'organisation « ${input.organizationName} » sur le portail d'adhésion à l'espace de confiance du ROR, en tant que ${input.roleLabel.toLowerCase()}.`,
      "",
      "Pour accepter l'invitation, ouvrez ce lien :",
      input.link,
      "",
      `Ce lien ne peut servir qu'une fois et expire le ${formatDate(input.expiresAt)}.`,
      "Si vous ne vous attendiez pas à cette invitation, ignorez ce message.",
    ].join("\n"),
  };
}
