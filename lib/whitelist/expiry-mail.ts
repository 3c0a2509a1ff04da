// Mails of the certificate expiry watch. Pure: plain text, French, dates in Europe/Paris.
import { oneLine, type MailText } from "../mail/text";
import { formatDate } from "../time";

export type ExpiryMailContext = {
  serviceName: string;
  organizationName: string;
  subjectDn: string;
  fingerprintSha256: string;
  notAfter: Date;
  link: string;
};

export function expiringCertificateMail(c: ExpiryMailContext, daysLeft: number): MailText {
  const when = daysLeft <= 0 ? "aujourd'hui" : daysLeft === 1 ? "dans 1 jour" : `dans ${daysLeft} jours`;
  return {
    kind: "certificate.expiry_notice",
    subject: oneLine(`Certificat du service ${c.serviceName} : expiration ${when}`),
    text: [
      "Bonjour,",
      "",
      `Le certificat client du service « ${c.serviceName} » (${c.organizationName}) expire le ${formatDate(c.notAfter)}, ${when}.`,
      `Sujet : ${c.subjectDn}`,
      `Empreinte SHA-256 : ${c.fingerprintSha256}`,
      "",
      "Après cette date, la passerelle du ROR refusera les appels faits avec ce certificat. Déposez un certificat renouvelé et demandez une modification de votre habilitation (renouvellement de certificat) avant l'échéance :",
      c.link,
      "",
      "L'équipe ROR de l'Agence du numérique en santé",
    ].join("\n"),
  };
}

export function expiredCertificateMail(c: ExpiryMailContext): MailText {
  return {
    kind: "certificate.expired",
    subject: oneLine(`Certificat du service ${c.serviceName} expiré : appels refusés`),
    text: [
      "Bonjour,",
      "",
      `Le certificat client du service « ${c.serviceName} » (${c.organizationName}) a expiré le ${formatDate(c.notAfter)}.`,
      `Sujet : ${c.subjectDn}`,
      `Empreinte SHA-256 : ${c.fingerprintSha256}`,
      "",
      "Il a été retiré de la liste blanche : la passerelle du ROR refuse désormais les appels faits avec ce certificat. Déposez un certificat renouvelé et demandez une modification de votre habilitation :",
      c.link,
      "",
      "L'équipe ROR de l'Agence du numérique en santé",
    ].join("\n"),
  };
}
