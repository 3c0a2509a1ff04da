import { describe, expect, it } from "vitest";
import { mailMessage } from "../mail/message";
import { attestationMails } from "./mail-texts";

const content = { editorName: "Santé Éditeur SAS", serviceName: "Orientation Plus", clientName: "Clinique Sainte-Hélène" };
const link = "https://portail.exemple.fr/editeur/services/s1/attestations/a1";
const signingLink = "https://portail.exemple.fr/signature/jeton";
// Noon in Paris, so the French date does not depend on the machine's zone.
const expiresAt = new Date("2026-12-08T11:00:00Z");
const sentAt = new Date("2026-11-24T11:00:00Z");

const isValid = (text: { subject: string; text: string; kind: string }) => mailMessage.safeParse({ to: "a@exemple.fr", ...text }).success;

describe("the attestation's e-mails", () => {
  it("are valid plain-text messages, each of its kind, ending with the portal's signature", () => {
    const all = [
      attestationMails.signatureRequest(content, { link: signingLink, expiresAt, resent: false }),
      attestationMails.editorSignatureRequest(content, link),
      attestationMails.signatureCancelled(),
      attestationMails.reminder(content, { sentAt, expiresAt }),
      attestationMails.signed(content, { party: "CLIENT", signerName: "Zoé Lefèvre", complete: false, link }),
      attestationMails.declined(content, { party: "EDITOR", signerName: "Rémi Martin", reason: "La date est fausse.", link }),
      attestationMails.sealed(content, { sealedSha256: "ab".repeat(32), forClient: false, link }),
    ];
    expect(all.map((m) => m.kind)).toEqual([
      "attestation_signature_request",
      "attestation_signature_request_editor",
      "attestation_signature_cancelled",
      "attestation_signature_reminder",
      "attestation_signed",
      "attestation_declined",
      "attestation_sealed",
    ]);
    for (const mail of all) {
      expect(isValid(mail)).toBe(true);
      expect(mail.text.startsWith("Bonjour,\n\n")).toBe(true);
      expect(mail.text).toMatch(/\n\n— Portail de l'espace de confiance du ROR$/);
      expect(mail.text).not.toMatch(/\n\n\n/);
    }
  });

  it("give the client their link and its French expiry date; a resent one says it replaces the previous", () => {
    const first = attestationMails.signatureRequest(content, { link: signingLink, expiresAt, resent: false });
    expect(first.subject).toBe("Attestation de client à signer pour Santé Éditeur SAS");
    expect(first.text).toContain(`ouvrez ce lien personnel :\n${signingLink}\n`);
    expect(first.text).toContain("expire le 8 décembre 2026");
    expect(first.text).not.toContain("remplace");
    const resent = attestationMails.signatureRequest(content, { link: signingLink, expiresAt, resent: true });
    expect(resent.subject).toBe("Nouveau lien : attestation de client à signer pour Santé Éditeur SAS");
    expect(resent.text).toContain("au nom du client Clinique Sainte-Hélène.\nCe lien remplace celui du courriel précédent, qui ne fonctionne plus.\n\n");
  });

  it("remind the client without any link, with the dates of the first message and of its expiry", () => {
    const reminder = attestationMails.reminder(content, { sentAt, expiresAt });
    expect(reminder.subject).toBe("Rappel : attestation de client à signer pour Santé Éditeur SAS");
    expect(reminder.text).toContain("Le 24 novembre 2026, Santé Éditeur SAS vous a demandé");
    expect(reminder.text).toContain("Ce lien expire le 8 décembre 2026.");
    expect(reminder.text).not.toMatch(/https?:/);
  });

  it("tell the editor who signed or refused, why, and where to act", () => {
    const byClient = attestationMails.signed(content, { party: "CLIENT", signerName: "Zoé Lefèvre", complete: false, link });
    expect(byClient.subject).toBe("Attestation de client signée par le client : Clinique Sainte-Hélène");
    expect(byClient.text).toContain("signée par le client (Zoé Lefèvre, Clinique Sainte-Hélène).\nElle attend encore l'autre signature.");
    expect(byClient.text).toContain(link);
    const last = attestationMails.signed(content, { party: "EDITOR", signerName: "Rémi Martin", complete: true, link });
    expect(last.subject).toBe("Attestation de client signée par le représentant légal : Clinique Sainte-Hélène");
    expect(last.text).toContain("le représentant légal de l'éditeur (Rémi Martin).\nLes deux parties ont signé");
    const declined = attestationMails.declined(content, { party: "CLIENT", signerName: "Zoé Lefèvre", reason: "La date est fausse.", link });
    expect(declined.subject).toBe("Signature refusée : attestation du client Clinique Sainte-Hélène");
    expect(declined.text).toContain("Zoé Lefèvre (pour le client Clinique Sainte-Hélène) a refusé de signer");
    expect(declined.text).toContain("Raison indiquée :\nLa date est fausse.\n");
    expect(declined.text).toContain(link);
  });

  it("send the client to the verification page and the editor to the attestation's page once sealed", () => {
    const sha = "ab".repeat(32);
    const client = attestationMails.sealed(content, { sealedSha256: sha, forClient: true, link: "https://portail.exemple.fr/verification" });
    expect(client.text).toContain(`Empreinte SHA-256 du document scellé : ${sha}`);
    expect(client.text).toContain("« Vérifier une attestation » du portail :\nhttps://portail.exemple.fr/verification");
    const editor = attestationMails.sealed(content, { sealedSha256: sha, forClient: false, link });
    expect(editor.text).toContain(`Téléchargez-le depuis la page de l'attestation :\n${link}`);
  });

  it("keep subjects on one line of at most 200 characters, whatever names the editor typed", () => {
    const long = { ...content, editorName: `Éditeur\r\n${"x".repeat(300)}`, clientName: "Clinique\nBis" };
    const subjects = [
      attestationMails.signatureRequest(long, { link: signingLink, expiresAt, resent: true }).subject,
      attestationMails.reminder(long, { sentAt, expiresAt }).subject,
      attestationMails.editorSignatureRequest(long, link).subject,
      attestationMails.sealed(long, { sealedSha256: "00", forClient: false, link }).subject,
    ];
    for (const subject of subjects) {
      expect(subject.length).toBeLessThanOrEqual(200);
      expect(subject).not.toMatch(/[\r\n]/);
    }
    expect(subjects[0]).toMatch(/…$/);
    expect(subjects[2]).toBe("Attestation de client à signer : Clinique Bis");
  });
});
