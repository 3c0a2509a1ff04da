import { mailText, type MailText } from "../mail/text";
import { formatDate } from "../time";

// Pure: the e-mails of the attestation's signing ceremony. Links are built by the use cases and passed in; the
// client's signing link grants a signature in their name, so it only ever goes to the client.

/** What the mails quote of the frozen content. */
export type AttestationMailContent = { editorName: string; serviceName: string; clientName: string };

type Party = "CLIENT" | "EDITOR";

export const attestationMails = {
  /** To the client: the single-use signing link (a resent one replaces the previous). */
  signatureRequest: (c: AttestationMailContent, input: { link: string; expiresAt: Date; resent: boolean }): MailText =>
    mailText("attestation_signature_request", input.resent ? `Nouveau lien : attestation de client à signer pour ${c.editorName}` : `Attestation de client à signer pour ${c.editorName}`, [
      "Bonjour,",
      "",
      `${c.editorName} vous demande de signer l'attestation de client (annexe 1 de la charte d'accès aux données du ROR) pour le service numérique « ${c.serviceName} », au nom du client ${c.clientName}.`,
      ...(input.resent ? ["Ce lien remplace celui du courriel précédent, qui ne fonctionne plus."] : []),
      "",
      "Pour lire le document et le signer (ou refuser de le signer), ouvrez ce lien personnel :",
      input.link,
      "",
      `Ce lien ne sert qu'une fois et expire le ${formatDate(input.expiresAt)}. Ne le transférez pas : il permet de signer en votre nom.`,
      "Si vous ne vous attendiez pas à ce message, ignorez-le.",
    ]),

  /** To the editor's legal representative, who signs from their account. */
  editorSignatureRequest: (c: AttestationMailContent, link: string): MailText =>
    mailText("attestation_signature_request_editor", `Attestation de client à signer : ${c.clientName}`, [
      "Bonjour,",
      "",
      `L'attestation du client ${c.clientName} pour le service numérique « ${c.serviceName} » a été envoyée pour signature.`,
      "En tant que représentant légal de l'éditeur, vous devez la signer à votre tour depuis votre compte :",
      link,
    ]),

  /** To the client whose pending link died because the editor cancelled the request. */
  signatureCancelled: (): MailText =>
    mailText("attestation_signature_cancelled", "Demande de signature annulée", [
      "Bonjour,",
      "",
      "La demande de signature d'attestation de client qui vous avait été envoyée a été annulée par l'éditeur. Le lien reçu ne fonctionne plus.",
    ]),

  /** To the client, days after the request: no link (only its hash is stored), it points to the first message. */
  reminder: (c: AttestationMailContent, input: { sentAt: Date; expiresAt: Date }): MailText =>
    mailText("attestation_signature_reminder", `Rappel : attestation de client à signer pour ${c.editorName}`, [
      "Bonjour,",
      "",
      `Le ${formatDate(input.sentAt)}, ${c.editorName} vous a demandé de signer l'attestation de client (annexe 1 de la charte d'accès aux données du ROR) pour le service numérique « ${c.serviceName} », au nom du client ${c.clientName}. Elle attend toujours votre signature.`,
      "",
      `Pour la lire et la signer, ou refuser de la signer, ouvrez le lien personnel du courriel reçu le ${formatDate(input.sentAt)}. Ce lien expire le ${formatDate(input.expiresAt)}.`,
      `Si vous ne retrouvez pas ce courriel, demandez à ${c.editorName} de vous envoyer un nouveau lien.`,
    ]),

  /** To the editor's members: one party signed; `complete` when it was the last signature. */
  signed: (c: AttestationMailContent, input: { party: Party; signerName: string; complete: boolean; link: string }): MailText =>
    mailText("attestation_signed", `Attestation de client signée par ${input.party === "CLIENT" ? "le client" : "le représentant légal"} : ${c.clientName}`, [
      "Bonjour,",
      "",
      `L'attestation du client ${c.clientName} pour le service numérique « ${c.serviceName} » a été signée par ${
        input.party === "CLIENT" ? `le client (${input.signerName}, ${c.clientName})` : `le représentant légal de l'éditeur (${input.signerName})`
      }.`,
      input.complete ? "Les deux parties ont signé : le document final est scellé par le portail." : "Elle attend encore l'autre signature.",
      "",
      input.link,
    ]),

  /** To the editor's members: one party refused, with the reason they gave (the editor's own attestation). */
  declined: (c: AttestationMailContent, input: { party: Party; signerName: string; reason: string; link: string }): MailText =>
    mailText("attestation_declined", `Signature refusée : attestation du client ${c.clientName}`, [
      "Bonjour,",
      "",
      `${input.signerName} (${input.party === "CLIENT" ? `pour le client ${c.clientName}` : "représentant légal de l'éditeur"}) a refusé de signer l'attestation de client du service numérique « ${c.serviceName} ».`,
      "",
      "Raison indiquée :",
      input.reason,
      "",
      "Vous pouvez corriger l'attestation puis l'envoyer à nouveau pour signature :",
      input.link,
    ]),

  /**
   * To both signatories and the editor's members once sealed. The client has no account: they get the
   * verification page; the others the attestation's page, where the sealed document is downloaded.
   */
  sealed: (c: AttestationMailContent, input: { sealedSha256: string; forClient: boolean; link: string }): MailText =>
    mailText("attestation_sealed", `Attestation de client signée et scellée : ${c.clientName}`, [
      "Bonjour,",
      "",
      `L'attestation du client ${c.clientName} pour le service numérique « ${c.serviceName} » de ${c.editorName} est signée par les deux parties et scellée par le portail.`,
      "",
      `Empreinte SHA-256 du document scellé : ${input.sealedSha256}`,
      input.forClient
        ? "L'éditeur peut vous transmettre le document scellé ; son authenticité se vérifie sur la page « Vérifier une attestation » du portail :"
        : "Téléchargez-le depuis la page de l'attestation :",
      input.link,
    ]),
};
