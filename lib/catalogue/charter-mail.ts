import type { MailText } from "../mail/text";

// Pure: the e-mail each legal representative receives when a new version of the charter is published.

export function charterVersionMail(input: { name: string; organizations: readonly string[]; version: string; title: string; link: string }): MailText {
  const forWhom =
    input.organizations.length === 1 ? `pour ${input.organizations[0]}` : `pour chacune de vos organisations (${input.organizations.join(", ")})`;
  return {
    kind: "charter.published",
    subject: `Nouvelle version de la charte d'accès aux données du ROR (version ${input.version})`,
    text: [
      `Bonjour ${input.name},`,
      "",
      `L'Agence du Numérique en Santé a publié la version ${input.version} de la « ${input.title} ».`,
      "",
      `En tant que représentant légal, vous devez l'accepter ${forWhom}. Tant qu'elle n'est pas acceptée, vos demandes d'adhésion ne peuvent pas être soumises.`,
      "",
      `Lire et accepter la charte : ${input.link}`,
      "",
      "L'équipe de l'espace de confiance du ROR",
    ].join("\n"),
  };
}
